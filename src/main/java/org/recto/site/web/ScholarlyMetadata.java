package org.recto.site.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.KeywordGroup;
import org.recto.article.PubDate;
import org.recto.references.ArticleCitations;
import org.recto.site.SiteProperties;
import org.recto.site.web.ArticlePage.MetaTag;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-readable description of an article in its page: Google Scholar's Highwire
 * {@code citation_*} meta tags and schema.org {@code ScholarlyArticle} JSON-LD.
 */
@Component
class ScholarlyMetadata {

    private final SiteProperties site;
    private final JsonMapper json;

    ScholarlyMetadata(SiteProperties site, JsonMapper json) {
        this.site = site;
        this.json = json;
    }

    List<MetaTag> metaTags(Article a, String path, ArticleCitations cited) {
        List<MetaTag> tags = new ArrayList<>();
        add(tags, "citation_title", a.titleText());
        Map<String, Affiliation> affs = affiliationsById(a);
        for (Contributor c : a.authors()) {
            add(tags, "citation_author", c.invertedName());
            for (String id : c.affiliationIds()) {
                Affiliation f = affs.get(id);
                if (f != null) {
                    add(tags, "citation_author_institution", f.text());
                }
            }
            if (c.orcid() != null) {
                add(tags, "citation_author_orcid", c.orcid());
            }
        }
        PubDate date = a.publicationDate();
        if (date != null && date.year() != null) {
            add(tags, "citation_publication_date", scholarDate(date));
        }
        a.pubDates().stream().filter(PubDate::isElectronic).findFirst()
                .ifPresent(d -> add(tags, "citation_online_date", scholarDate(d)));
        add(tags, "citation_journal_title", a.journal().title());
        add(tags, "citation_publisher", a.journal().publisher());
        add(tags, "citation_issn", a.journal().issnPrint());
        add(tags, "citation_issn", a.journal().issnElectronic());
        add(tags, "citation_volume", a.volume());
        add(tags, "citation_issue", a.issue());
        add(tags, "citation_firstpage", a.firstPage() != null ? a.firstPage() : a.elocationId());
        add(tags, "citation_lastpage", a.lastPage());
        add(tags, "citation_doi", a.doi());
        add(tags, "citation_language", a.language());
        List<String> keywords = a.keywordGroups().stream().map(KeywordGroup::keywords).flatMap(List::stream).toList();
        if (!keywords.isEmpty()) {
            add(tags, "citation_keywords", String.join("; ", keywords));
        }
        add(tags, "citation_abstract_html_url", site.absolute(path));
        if (!a.body().html().isBlank()) {
            add(tags, "citation_fulltext_html_url", site.absolute(path + "/full"));
        }
        add(tags, "citation_pdf_url", site.absolute(path + "/pdf"));
        for (ReferenceMetadata.CitedWork w : ReferenceMetadata.of(a, cited)) {
            add(tags, "citation_reference", ReferenceMetadata.highwire(w));
        }
        dublinCore(tags, a, date);
        return tags;
    }

    /** Dublin Core, which Zotero reads when Highwire tags are missing (with {@code <link rel="schema.DC">} in the head). */
    private static void dublinCore(List<MetaTag> tags, Article a, PubDate date) {
        add(tags, "DC.title", a.titleText());
        a.authors().forEach(c -> add(tags, "DC.creator", c.invertedName()));
        if (date != null && date.year() != null) {
            add(tags, "DC.date", date.iso());
        }
        add(tags, "DC.identifier", "doi:" + a.doi());
        add(tags, "DC.publisher", a.journal().publisher());
        add(tags, "DC.source", a.journal().title());
        add(tags, "DC.type", "Text");
        add(tags, "DC.language", a.language());
        a.keywordGroups().stream().map(KeywordGroup::keywords).flatMap(List::stream).forEach(k -> add(tags, "DC.subject", k));
        if (a.permissions() != null && a.permissions().licenseUrl() != null && a.permissions().licenseUrl().startsWith("http")) {
            add(tags, "DC.rights", a.permissions().licenseUrl());
        }
    }

    String jsonLd(Article a, String path, ArticleCitations cited) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "ScholarlyArticle");
        doc.put("@id", Paths.doiOrg(a.doi()));
        doc.put("headline", truncate(a.titleText(), 110));
        doc.put("name", a.titleText());
        doc.put("url", site.absolute(path));
        doc.put("sameAs", Paths.doiOrg(a.doi()));
        doc.put("identifier", Map.of("@type", "PropertyValue", "propertyID", "DOI", "value", a.doi()));
        Map<String, Affiliation> affs = affiliationsById(a);
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Contributor c : a.authors()) {
            Map<String, Object> person = new LinkedHashMap<>();
            boolean group = c.collab() != null && !c.collab().isBlank();
            person.put("@type", group ? "Organization" : "Person");
            person.put("name", c.displayName());
            if (!group) {
                putIf(person, "givenName", c.givenNames());
                putIf(person, "familyName", c.surname());
            }
            if (c.orcid() != null) {
                person.put("identifier", c.orcid());
            }
            List<Map<String, String>> affiliation = c.affiliationIds().stream()
                    .map(affs::get).filter(f -> f != null && f.text() != null)
                    .map(f -> Map.of("@type", "Organization", "name", f.text()))
                    .toList();
            if (!affiliation.isEmpty() && !group) {
                person.put("affiliation", affiliation);
            }
            authors.add(person);
        }
        if (!authors.isEmpty()) {
            doc.put("author", authors);
        }
        PubDate date = a.publicationDate();
        if (date != null && date.year() != null) {
            doc.put("datePublished", date.iso());
        }
        Map<String, Object> periodical = new LinkedHashMap<>();
        periodical.put("@type", "Periodical");
        periodical.put("name", a.journal().title());
        List<String> issns = new ArrayList<>();
        if (a.journal().issnPrint() != null) {
            issns.add(a.journal().issnPrint());
        }
        if (a.journal().issnElectronic() != null) {
            issns.add(a.journal().issnElectronic());
        }
        if (!issns.isEmpty()) {
            periodical.put("issn", issns);
        }
        if (a.journal().publisher() != null) {
            periodical.put("publisher", Map.of("@type", "Organization", "name", a.journal().publisher()));
            doc.put("publisher", Map.of("@type", "Organization", "name", a.journal().publisher()));
        }
        Object partOf = periodical;
        if (a.volume() != null) {
            partOf = Map.of("@type", "PublicationVolume", "volumeNumber", a.volume(), "isPartOf", partOf);
        }
        if (a.issue() != null) {
            partOf = Map.of("@type", "PublicationIssue", "issueNumber", a.issue(), "isPartOf", partOf);
        }
        doc.put("isPartOf", partOf);
        putIf(doc, "pageStart", a.firstPage());
        putIf(doc, "pageEnd", a.lastPage());
        List<String> keywords = a.keywordGroups().stream().map(KeywordGroup::keywords).flatMap(List::stream).toList();
        if (!keywords.isEmpty()) {
            doc.put("keywords", keywords);
        }
        a.abstracts().stream().filter(x -> x.type() == null).findFirst()
                .map(Abstract::html).map(Html::toText).ifPresent(text -> doc.put("abstract", text));
        if (a.permissions() != null) {
            putIf(doc, "license", a.permissions().licenseUrl());
            putIf(doc, "copyrightNotice", a.permissions().copyrightStatement());
        }
        putIf(doc, "inLanguage", a.language());
        // The PDF and the EPUB, made from the same source (the formats module serves them).
        doc.put("encoding", List.of(
                Map.of("@type", "MediaObject", "encodingFormat", "application/pdf", "contentUrl", site.absolute(path + "/pdf")),
                Map.of("@type", "MediaObject", "encodingFormat", "application/epub+zip", "contentUrl", site.absolute(path + "/epub"))));
        List<Map<String, Object>> citations = new ArrayList<>();
        for (ReferenceMetadata.CitedWork w : ReferenceMetadata.of(a, cited)) {
            Map<String, Object> work = new LinkedHashMap<>();
            work.put("@type", "CreativeWork");
            work.put("name", w.text());
            if (w.doi() != null) {
                work.put("@id", "https://doi.org/" + w.doi());
                work.put("sameAs", "https://doi.org/" + w.doi());
            }
            citations.add(work);
        }
        if (!citations.isEmpty()) {
            doc.put("citation", citations);
        }
        // "</" must not appear inside a <script> element; the JSON stays the same data with \u003c.
        return json.writeValueAsString(doc).replace("<", "\\u003c");
    }

    private static Map<String, Affiliation> affiliationsById(Article a) {
        Map<String, Affiliation> byId = new LinkedHashMap<>();
        a.affiliations().forEach(f -> byId.put(f.id(), f));
        return byId;
    }

    private static String scholarDate(PubDate d) {
        StringBuilder s = new StringBuilder(String.valueOf(d.year()));
        if (d.month() != null) {
            s.append(String.format("/%02d", d.month()));
            if (d.day() != null) {
                s.append(String.format("/%02d", d.day()));
            }
        }
        return s.toString();
    }

    private static void add(List<MetaTag> tags, String name, String content) {
        if (content != null && !content.isBlank()) {
            tags.add(new MetaTag(name, content.strip()));
        }
    }

    private static void putIf(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
