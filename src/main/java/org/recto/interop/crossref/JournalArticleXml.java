package org.recto.interop.crossref;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.StoredArticle;
import org.recto.interop.InteropProperties;
import org.recto.interop.PublicLinks;
import org.recto.interop.internal.XmlOut;
import org.recto.references.ArticleCitations;
import org.recto.references.Citation;
import org.recto.references.LinkedReference;
import org.recto.references.ResolvedNote;
import org.recto.article.Reference;

/** One {@code journal_article} of a deposit, in the order the 5.3.1 schema gives its parts. */
final class JournalArticleXml {

    private final InteropProperties properties;
    private final PublicLinks links;

    JournalArticleXml(InteropProperties properties, PublicLinks links) {
        this.properties = properties;
        this.links = links;
    }

    /** A reference as deposited: its text, and its DOI where the JATS or the reference parser gave one. */
    record Cited(String text, String doi) {
    }

    void write(XmlOut xml, StoredArticle stored, List<Cited> citations) {
        Article a = stored.article();
        xml.start("journal_article").attr("publication_type", "full_text").attr("language", language(a.language()));
        xml.start("titles").element("title", CrossrefText.fit(a.titleText(), 4000));
        xml.element("subtitle", CrossrefText.fit(org.recto.article.Html.toText(a.subtitleHtml()), 4000)).end();
        contributors(xml, a);
        a.abstracts().stream().filter(x -> x.type() == null).findFirst().map(Abstract::html)
                .ifPresent(html -> JatsAbstract.write(xml, html));
        publicationDates(xml, stored);
        if (a.firstPage() != null) {
            xml.start("pages").element("first_page", CrossrefText.fit(a.firstPage(), 32))
                    .element("last_page", CrossrefText.fit(a.lastPage(), 32)).end();
        }
        if (a.elocationId() != null) {
            xml.start("publisher_item").start("item_number").attr("item_number_type", "article_number")
                    .text(CrossrefText.fit(a.elocationId(), 32)).end().end();
        }
        if (properties.crossmark()) {
            crossmark(xml, stored);
        } else {
            accessIndicators(xml, a.permissions());
        }
        xml.start("doi_data").element("doi", a.doi()).element("resource", links.absolute(links.article(a.doi()))).end();
        if (!citations.isEmpty()) {
            xml.start("citation_list");
            for (int i = 0; i < citations.size(); i++) {
                Cited c = citations.get(i);
                xml.start("citation").attr("key", "ref" + (i + 1));
                if (CrossrefText.isDoi(c.doi())) {
                    xml.element("doi", c.doi());
                }
                xml.element("unstructured_citation", c.text());
                xml.end();
            }
            xml.end();
        }
        xml.end();
    }

    /**
     * What the article cites: each entry of its reference list, and each full reference in its notes (not the
     * "Ibid." and short forms that point back to one), with the DOI the parser found. Before the parse is
     * ready (just after publishing), the reference list as the JATS tagged it.
     */
    static List<Cited> citations(Article a, java.util.Optional<ArticleCitations> parsed) {
        List<Cited> out = new ArrayList<>();
        if (parsed.isPresent()) {
            for (LinkedReference r : parsed.get().references()) {
                out.add(new Cited(r.rawText(), r.doi()));
            }
            for (ResolvedNote n : parsed.get().notes()) {
                for (Citation c : n.citations()) {
                    if (!c.isResolved()) {
                        out.add(new Cited(c.text(), c.doi()));
                    }
                }
            }
        } else {
            for (Reference r : a.back().references()) {
                out.add(new Cited(r.rawText(), r.doi()));
            }
        }
        return out.stream().filter(c -> c.text() != null && !c.text().isBlank()).toList();
    }

    private void contributors(XmlOut xml, Article a) {
        Map<String, Affiliation> affs = new LinkedHashMap<>();
        a.affiliations().forEach(f -> affs.put(f.id(), f));
        List<Contributor> people = a.contributors().stream().filter(c -> role(c.role()) != null).toList();
        if (people.isEmpty()) {
            return;
        }
        xml.start("contributors");
        boolean first = true;
        for (Contributor c : people) {
            String sequence = first ? "first" : "additional";
            if (c.collab() != null && !c.collab().isBlank()) {
                xml.start("organization").attr("sequence", sequence).attr("contributor_role", role(c.role()))
                        .text(CrossrefText.fit(c.collab(), 1024)).end();
            } else if (c.surname() != null && !c.surname().isBlank()) {
                xml.start("person_name").attr("sequence", sequence).attr("contributor_role", role(c.role()));
                xml.element("given_name", CrossrefText.fit(c.givenNames(), 60)).element("surname", CrossrefText.fit(c.surname(), 60))
                        .element("suffix", CrossrefText.fit(c.suffix(), 10));
                affiliations(xml, c, affs);
                if (CrossrefText.isOrcid(c.orcid())) {
                    xml.element("ORCID", c.orcid());
                }
                xml.end();
            } else {
                continue;
            }
            first = false;
        }
        xml.end();
    }

    private static void affiliations(XmlOut xml, Contributor c, Map<String, Affiliation> affs) {
        List<Affiliation> mine = c.affiliationIds().stream().map(affs::get).filter(f -> f != null).toList();
        if (mine.isEmpty()) {
            return;
        }
        xml.start("affiliations");
        for (Affiliation f : mine) {
            xml.start("institution").element("institution_name",
                    CrossrefText.fit(f.institution() != null ? f.institution() : f.text(), 1024));
            for (Affiliation.InstitutionId id : f.institutionIds()) {
                if ("ror".equalsIgnoreCase(id.type()) && id.value() != null && id.value().matches("https://ror\\.org/0[a-z0-9]{8}")) {
                    xml.start("institution_id").attr("type", "ror").text(id.value()).end();
                }
            }
            xml.end();
        }
        xml.end();
    }

    private static String role(String role) {
        return switch (role == null ? "" : role) {
            case "author" -> "author";
            case "editor" -> "editor";
            case "translator" -> "translator";
            default -> null;
        };
    }

    private static void publicationDates(XmlOut xml, StoredArticle stored) {
        List<PubDate> dates = stored.article().pubDates().stream()
                .filter(d -> d.year() != null && (d.isElectronic() || d.isPrint())).limit(10).toList();
        if (dates.isEmpty()) {
            PubDate any = stored.article().publicationDate();
            dates = any != null && any.year() != null ? List.of(any)
                    : List.of(new PubDate("epub", "electronic", stored.importedAt().atZone(java.time.ZoneOffset.UTC).getYear(), null, null, null));
        }
        for (PubDate d : dates) {
            date(xml, "publication_date", d);
        }
    }

    static void date(XmlOut xml, String element, PubDate d) {
        xml.start(element).attr("media_type", d.isPrint() && !d.isElectronic() ? "print" : "online");
        if (d.month() != null) {
            xml.element("month", String.format("%02d", d.month()));
            if (d.day() != null) {
                xml.element("day", String.format("%02d", d.day()));
            }
        }
        xml.element("year", Integer.toString(d.year())).end();
    }

    private void crossmark(XmlOut xml, StoredArticle stored) {
        xml.start("crossmark").element("crossmark_policy", properties.crossmarkPolicy().strip());
        String domain = properties.crossmarkDomain() == null || properties.crossmarkDomain().isBlank()
                ? URI.create(links.absolute("/")).getHost() : properties.crossmarkDomain().strip();
        if (domain != null && domain.matches("[A-Za-z0-9_]+([-.][A-Za-z0-9_]+)*\\.[A-Za-z0-9_]+([-.][A-Za-z0-9_]+)*")) {
            xml.start("crossmark_domains").start("crossmark_domain").element("domain", domain).end().end();
        }
        xml.element("crossmark_domain_exclusive", "false");
        List<CrossmarkUpdates.Update> updates = CrossmarkUpdates.of(stored);
        if (!updates.isEmpty()) {
            xml.start("updates");
            updates.forEach(u -> xml.start("update").attr("type", u.type()).attr("date", u.date().toString()).text(u.doi()).end());
            xml.end();
        }
        if (hasLicence(stored.article().permissions())) {
            xml.start("custom_metadata");
            accessIndicators(xml, stored.article().permissions());
            xml.end();
        }
        xml.end();
    }

    private static boolean hasLicence(Permissions p) {
        return p != null && CrossrefText.isHttp(p.licenseUrl());
    }

    private static void accessIndicators(XmlOut xml, Permissions p) {
        if (!hasLicence(p)) {
            return;
        }
        xml.start("ai:program").attr("name", "AccessIndicators");
        if (p.licenseUrl().contains("creativecommons.org")) {
            xml.start("ai:free_to_read").end();
        }
        xml.start("ai:license_ref").attr("applies_to", "vor").text(p.licenseUrl().strip()).end();
        xml.end();
    }

    private static String language(String lang) {
        if (lang == null) {
            return null;
        }
        String two = lang.toLowerCase(java.util.Locale.ROOT);
        int dash = two.indexOf('-');
        return (dash > 0 ? two.substring(0, dash) : two).matches("[a-z]{2}") ? (dash > 0 ? two.substring(0, dash) : two) : null;
    }
}
