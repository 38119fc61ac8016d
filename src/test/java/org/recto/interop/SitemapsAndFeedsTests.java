package org.recto.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;

/** Sitemaps (valid against sitemaps.org's schemas), robots.txt, and Atom feeds parsed back with Rome. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapsAndFeedsTests {

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    @BeforeAll
    void importArticles() {
        ArticleTables.deleteAll(jdbc);
        InteropFixtures.importAll(ingest);
        DerivedData.await(derived);
    }

    HttpResponse<String> ok(String path, String contentType) {
        HttpResponse<String> response = InteropFixtures.get(port, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
        return response;
    }

    @Test
    void theIndexPointsToEachJournalsSitemapWhichListsItsPages() {
        String index = ok("/sitemap.xml", "application/xml").body();
        assertThat(InteropSchemas.errors(InteropSchemas.siteIndex(), index)).isEmpty();
        List<String> maps = OaiPmhTests.texts(InteropFixtures.dom(index), "//*[local-name()='loc']");
        assertThat(maps).containsExactly("http://localhost:8080/journals/JCPG/sitemap.xml", "http://localhost:8080/journals/RIS/sitemap.xml");

        String jcpg = ok("/journals/JCPG/sitemap.xml", "application/xml").body();
        assertThat(InteropSchemas.errors(InteropSchemas.sitemap(), jcpg)).isEmpty();
        Document doc = InteropFixtures.dom(jcpg);
        assertThat(OaiPmhTests.texts(doc, "//*[local-name()='loc']")).hasSize(1 + 2 + 10)
                .contains("http://localhost:8080/journals/JCPG", "http://localhost:8080/journals/JCPG/issues/3/2",
                        "http://localhost:8080/doi/10.5555/jcpg.2025.010");
        assertThat(OaiPmhTests.texts(doc, "//*[local-name()='url'][contains(*[local-name()='loc'], '/doi/')]/*[local-name()='lastmod']"))
                .hasSize(10).allSatisfy(t -> assertThat(t).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertThat(InteropFixtures.get(port, "/journals/JCPG/sitemap.xml?page=2").statusCode()).isEqualTo(404);
        assertThat(InteropFixtures.get(port, "/journals/NOPE/sitemap.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsTxtAllowsCrawlingAndNamesTheSitemap() {
        String robots = ok("/robots.txt", "text/plain").body();
        assertThat(robots).contains("User-agent: *", "Sitemap: http://localhost:8080/sitemap.xml", "Disallow: /api/v1/admin/")
                .doesNotContain("Disallow: /\n");
    }

    Feed atom(String path) throws Exception {
        String body = ok(path, "application/atom+xml").body();
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(body));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        // RFC 4287 4.1.1: a feed has an id, a title and an updated date; an author unless every entry has one.
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks().stream().map(Link::getRel)).contains("self");
        for (Entry e : feed.getEntries()) {
            assertThat(e.getId()).startsWith("https://doi.org/10.");
            assertThat(e.getTitle()).isNotBlank();
            assertThat(e.getUpdated()).isNotNull();
            assertThat(e.getAlternateLinks()).singleElement().satisfies(l -> assertThat(l.getHref()).startsWith("http://localhost:8080/doi/"));
        }
        return feed;
    }

    @Test
    void atomFeedsOfTheSiteAndOfAJournal() throws Exception {
        Feed site = atom("/feed");
        assertThat(site.getEntries()).hasSize(12);
        Feed ris = atom("/journals/RIS/feed");
        assertThat(ris.getTitle()).isEqualTo("Review of International Studies");
        assertThat(ris.getEntries()).extracting(Entry::getId)
                .containsExactlyInAnyOrder("https://doi.org/" + InteropFixtures.SEED, "https://doi.org/" + InteropFixtures.SEED_CORRECTION);
        Entry seed = ris.getEntries().stream().filter(e -> e.getId().endsWith(InteropFixtures.SEED)).findFirst().orElseThrow();
        assertThat(seed.getAuthors()).extracting(a -> a.getName()).containsExactly("Kurt Mills", "Alan Bloomfield");
        assertThat(seed.getSummary().getValue()).contains("norm antipreneurs");
        assertThat(seed.getPublished()).isNotNull();
        assertThat(InteropFixtures.get(port, "/journals/NOPE/feed").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesLinkToTheirFeeds() {
        String home = ok("/", "text/html").body();
        assertThat(Jsoup.parse(home).select("link[rel=alternate][type=application/atom+xml]").eachAttr("href")).contains("/feed");
        String journal = ok("/journals/RIS", "text/html").body();
        assertThat(Jsoup.parse(journal).select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .contains("/journals/RIS/feed");
        String article = ok("/doi/" + InteropFixtures.SEED, "text/html").body();
        assertThat(Jsoup.parse(article).select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .contains("/journals/RIS/feed");
    }
}
