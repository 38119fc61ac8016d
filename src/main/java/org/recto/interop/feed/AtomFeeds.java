package org.recto.interop.feed;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleChanges;
import org.recto.article.ArticleChanges.Change;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.Journal;
import org.recto.article.PubDate;
import org.recto.article.StoredArticle;
import org.recto.interop.InteropProperties;
import org.recto.interop.PublicLinks;
import org.recto.interop.internal.XmlOut;
import org.springframework.stereotype.Service;

/**
 * Atom (RFC 4287) feeds of the latest articles, for the site ({@code /feed}) and per journal
 * ({@code /journals/{key}/feed}): title, authors, abstract, DOI link, publication and update dates. A
 * feed is built at most once a minute per node and served from those bytes in between, so a feed
 * reader polling often costs nothing but a map look-up.
 */
@Service
public class AtomFeeds {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Duration KEPT = Duration.ofMinutes(1);

    private record Built(Instant at, byte[] bytes) {
    }

    private final ArticleChanges changes;
    private final ArticleCatalog catalog;
    private final PublicLinks links;
    private final InteropProperties properties;
    private final Clock clock;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    AtomFeeds(ArticleChanges changes, ArticleCatalog catalog, PublicLinks links, InteropProperties properties,
              Clock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    public byte[] site() {
        return cached("", () -> write(null, links.siteName(), "/feed", "/"));
    }

    public Optional<byte[]> journal(String key) {
        Optional<Journal> journal = catalog.journal(key);
        return journal.map(j -> cached("journal:" + j.key(), () -> write(j.key(), j.title(), links.journal(j.key()) + "/feed",
                links.journal(j.key()))));
    }

    private byte[] cached(String key, java.util.function.Supplier<byte[]> build) {
        Instant now = clock.instant();
        Built b = built.get(key);
        if (b == null || b.at().plus(KEPT).isBefore(now)) {
            b = new Built(now, build.get());
            built.put(key, b);
        }
        return b.bytes();
    }

    private byte[] write(String journalKey, String title, String selfPath, String pagePath) {
        List<Change> recent = changes.recent(journalKey, properties.feedEntries());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(out)) {
            xml.root("feed", ATOM);
            xml.element("id", links.absolute(selfPath));
            xml.element("title", title);
            xml.element("updated", rfc3339(recent.isEmpty() ? clock.instant() : recent.get(0).storedAt()));
            xml.start("link").attr("rel", "self").attr("type", "application/atom+xml").attr("href", links.absolute(selfPath)).end();
            xml.start("link").attr("rel", "alternate").attr("type", "text/html").attr("href", links.absolute(pagePath)).end();
            xml.start("author").element("name", links.siteName()).end();
            xml.element("generator", "Recto");
            for (Change c : recent) {
                catalog.find(c.doi(), c.version()).ifPresent(stored -> entry(xml, stored));
            }
            xml.end();
        }
        return out.toByteArray();
    }

    private void entry(XmlOut xml, StoredArticle stored) {
        Article a = stored.article();
        xml.start("entry");
        xml.element("id", "https://doi.org/" + a.doi());
        xml.start("title").attr("type", "text").text(a.titleText()).end();
        xml.start("link").attr("rel", "alternate").attr("type", "text/html").attr("href", links.absolute(links.article(a.doi()))).end();
        xml.start("link").attr("rel", "related").attr("href", "https://doi.org/" + a.doi()).attr("title", "doi:" + a.doi()).end();
        published(a.publicationDate()).ifPresent(p -> xml.element("published", p));
        xml.element("updated", rfc3339(stored.importedAt()));
        for (Contributor c : a.authors()) {
            xml.start("author").element("name", c.displayName());
            if (c.orcid() != null) {
                xml.element("uri", c.orcid());
            }
            xml.end();
        }
        if (a.articleType() != null) {
            xml.start("category").attr("term", a.articleType()).end();
        }
        a.abstracts().stream().filter(x -> x.type() == null).findFirst()
                .ifPresent(x -> xml.start("summary").attr("type", "text").text(Html.toText(x.html())).end());
        xml.start("source").element("title", a.journal().title()).end();
        xml.end();
    }

    /** The publication date as an Atom date (midnight UTC of its first day when the day or month is not known). */
    private static Optional<String> published(PubDate d) {
        if (d == null || d.year() == null) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.of(d.year(), d.month() == null ? 1 : d.month(), d.month() == null || d.day() == null ? 1 : d.day());
        return Optional.of(rfc3339(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
