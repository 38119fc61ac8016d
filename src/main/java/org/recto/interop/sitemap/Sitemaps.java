package org.recto.interop.sitemap;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleChanges;
import org.recto.article.ArticleChanges.Change;
import org.recto.article.ArticleChanges.Window;
import org.recto.article.IssueRef;
import org.recto.article.Journal;
import org.recto.interop.PublicLinks;
import org.recto.interop.internal.XmlOut;
import org.springframework.stereotype.Service;

/**
 * Sitemaps (protocol 0.9): {@code /sitemap.xml} is an index of one sitemap per journal, split into
 * pages ({@code ?page=N}) that stay under the protocol's 50,000 URLs; each lists the journal's page, its
 * issues and its articles, with {@code lastmod} from when the article's latest version was stored.
 */
@Service
public class Sitemaps {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** Articles per sitemap page: 50,000 URLs less room for the journal's page and its issues. */
    static final int ARTICLES_PER_PAGE = 45_000;

    private final ArticleCatalog catalog;
    private final ArticleChanges changes;
    private final PublicLinks links;
    private final Clock clock;

    Sitemaps(ArticleCatalog catalog, ArticleChanges changes, PublicLinks links, Clock clock) {
        this.catalog = catalog;
        this.changes = changes;
        this.links = links;
        this.clock = clock;
    }

    public String indexPath() {
        return "/sitemap.xml";
    }

    public byte[] index() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instant now = clock.instant();
        try (XmlOut xml = new XmlOut(out)) {
            xml.root("sitemapindex", NAMESPACE);
            for (Journal j : catalog.journals()) {
                long articles = changes.count(new Window(now, null, null, j.key(), null));
                Instant lastmod = changes.recent(j.key(), 1).stream().map(Change::storedAt).findFirst().orElse(null);
                int pages = (int) Math.max(1, (articles + ARTICLES_PER_PAGE - 1) / ARTICLES_PER_PAGE);
                for (int page = 1; page <= pages; page++) {
                    xml.start("sitemap").element("loc", links.absolute(pagePath(j.key(), page)));
                    if (lastmod != null) {
                        xml.element("lastmod", w3c(lastmod));
                    }
                    xml.end();
                }
            }
            xml.end();
        }
        return out.toByteArray();
    }

    /** A page of a journal's sitemap, if the journal exists and has that page. */
    public Optional<byte[]> journal(String key, int page) {
        if (catalog.journal(key).isEmpty() || page < 1) {
            return Optional.empty();
        }
        Window window = new Window(clock.instant(), null, null, key, null);
        List<Change> articles = articles(window, page);
        if (articles.isEmpty() && page > 1) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(out)) {
            xml.root("urlset", NAMESPACE);
            if (page == 1) {
                Instant lastmod = changes.recent(key, 1).stream().map(Change::storedAt).findFirst().orElse(null);
                url(xml, links.journal(key), lastmod);
                for (IssueRef issue : catalog.issues(key)) {
                    url(xml, links.issue(key, issue.volume(), issue.issue()), null);
                }
            }
            for (Change c : articles) {
                url(xml, links.article(c.doi()), c.storedAt());
            }
            xml.end();
        }
        return Optional.of(out.toByteArray());
    }

    /** The page's articles, walked in the order they were stored (skipping the pages before it). */
    private List<Change> articles(Window window, int page) {
        List<Change> result = new ArrayList<>();
        Change after = null;
        for (int p = 1; p <= page; p++) {
            List<Change> chunk = changes.page(window, after, ARTICLES_PER_PAGE);
            if (chunk.isEmpty()) {
                return List.of();
            }
            if (p == page) {
                result = chunk;
            }
            after = chunk.get(chunk.size() - 1);
        }
        return result;
    }

    private void url(XmlOut xml, String path, Instant lastmod) {
        xml.start("url").element("loc", links.absolute(path));
        if (lastmod != null) {
            xml.element("lastmod", w3c(lastmod));
        }
        xml.end();
    }

    public String pagePath(String key, int page) {
        return links.journal(key) + "/sitemap.xml" + (page == 1 ? "" : "?page=" + page);
    }

    private static String w3c(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
