package org.recto.interop.crossref;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.article.JournalMeta;
import org.recto.article.PubDate;
import org.recto.article.StoredArticle;
import org.recto.interop.InteropProperties;
import org.recto.interop.PublicLinks;
import org.recto.interop.internal.XmlOut;
import org.recto.references.Citations;
import org.springframework.stereotype.Service;

/**
 * Crossref deposit XML (schema 5.3.1) for an article, an issue or any set of articles: one
 * {@code journal} element per journal issue, with its metadata, and each article's contributors (ORCID,
 * affiliations with ROR), JATS abstract, dates, pages, licence, Crossmark (the configured policy and the
 * updates a notice makes) and its references with their DOIs.
 */
@Service
public class CrossrefDeposit {

    static final String CROSSREF = "http://www.crossref.org/schema/5.3.1";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final ArticleCatalog catalog;
    private final Citations citations;
    private final InteropProperties properties;
    private final Clock clock;
    private final JournalArticleXml articles;

    CrossrefDeposit(ArticleCatalog catalog, Citations citations, InteropProperties properties, PublicLinks links,
                    Clock clock) {
        this.catalog = catalog;
        this.citations = citations;
        this.properties = properties;
        this.clock = clock;
        this.articles = new JournalArticleXml(properties, links);
    }

    /** The deposit of one article's latest version. */
    public Optional<byte[]> article(String doi) {
        return catalog.find(doi).map(stored -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(List.of(stored), "article " + stored.article().doi(), out);
            return out.toByteArray();
        });
    }

    /** The deposit of an issue's articles (empty volume or issue as the store keeps them: ""). */
    public Optional<byte[]> issue(String journalKey, String volume, String issue) {
        List<ArticleSummary> contents = catalog.issueContents(journalKey, volume, issue);
        if (contents.isEmpty()) {
            return Optional.empty();
        }
        List<StoredArticle> stored = contents.stream().map(s -> catalog.find(s.doi())).flatMap(Optional::stream).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(stored, "issue " + journalKey + " " + volume + " " + issue, out);
        return Optional.of(out.toByteArray());
    }

    /** One deposit of these articles' latest versions, grouped by journal issue; answers how many it holds. */
    public int batch(List<String> dois, String scope, OutputStream out) {
        List<StoredArticle> stored = dois.stream().map(catalog::find).flatMap(Optional::stream).toList();
        write(stored, scope, out);
        return stored.size();
    }

    private void write(List<StoredArticle> stored, String scope, OutputStream out) {
        String stamp = STAMP.format(clock.instant());
        try (XmlOut xml = new XmlOut(out)) {
            xml.root("doi_batch", CROSSREF, "xsi", "http://www.w3.org/2001/XMLSchema-instance",
                            "jats", JatsAbstract.JATS, "ai", "http://www.crossref.org/AccessIndicators.xsd")
                    .attr("version", "5.3.1")
                    .attr("xsi:schemaLocation", CROSSREF + " https://www.crossref.org/schemas/crossref5.3.1.xsd");
            xml.start("head").element("doi_batch_id", batchId(stamp, scope)).element("timestamp", stamp)
                    .start("depositor").element("depositor_name", CrossrefText.fit(properties.depositorName(), 130))
                    .element("email_address", CrossrefText.fit(properties.depositorEmail(), 200)).end()
                    .element("registrant", CrossrefText.fit(properties.registrant(), 255)).end();
            xml.start("body");
            for (List<StoredArticle> group : byIssue(stored).values()) {
                journal(xml, group);
            }
            xml.end().end();
        }
    }

    private void journal(XmlOut xml, List<StoredArticle> group) {
        Article first = group.get(0).article();
        JournalMeta j = first.journal();
        xml.start("journal");
        xml.start("journal_metadata").element("full_title", CrossrefText.fit(j.title() != null ? j.title() : j.key(), 255));
        if (CrossrefText.isIssn(j.issnPrint())) {
            xml.start("issn").attr("media_type", "print").text(j.issnPrint()).end();
        }
        if (CrossrefText.isIssn(j.issnElectronic())) {
            xml.start("issn").attr("media_type", "electronic").text(j.issnElectronic()).end();
        }
        xml.end();
        if (first.volume() != null || first.issue() != null) {
            xml.start("journal_issue");
            PubDate date = issueDate(group);
            if (date != null) {
                JournalArticleXml.date(xml, "publication_date", date);
            }
            if (first.volume() != null) {
                xml.start("journal_volume").element("volume", CrossrefText.fit(first.volume(), 32)).end();
            }
            xml.element("issue", CrossrefText.fit(first.issue(), 32));
            xml.end();
        }
        for (StoredArticle s : group) {
            articles.write(xml, s, JournalArticleXml.citations(s.article(), citations.of(s)));
        }
        xml.end();
    }

    /** The issue's print date if an article gives one, else the earliest publication date of its articles. */
    private static PubDate issueDate(List<StoredArticle> group) {
        return group.stream().flatMap(s -> s.article().pubDates().stream())
                .filter(d -> d.year() != null && d.isPrint() && !d.isElectronic()).findFirst()
                .orElseGet(() -> group.stream().map(s -> s.article().publicationDate()).filter(d -> d != null && d.year() != null)
                        .min(java.util.Comparator.comparing(PubDate::iso)).orElse(null));
    }

    private static Map<String, List<StoredArticle>> byIssue(List<StoredArticle> stored) {
        Map<String, List<StoredArticle>> groups = new LinkedHashMap<>();
        for (StoredArticle s : stored) {
            Article a = s.article();
            groups.computeIfAbsent(a.journal().key() + "\n" + a.volume() + "\n" + a.issue(), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    private static String batchId(String stamp, String scope) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(scope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "recto-" + stamp + "-" + Long.toHexString(crc.getValue());
    }
}
