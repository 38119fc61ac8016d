package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SmallArticle;
import org.recto.support.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.recto.web.DoiRoute.Scope;
import org.recto.web.PathEncoding;
import org.springframework.web.util.UriUtils;

/** DOIs and issue numbers with reserved characters: every link the site makes reaches its target. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservedCharacterLinksTests {

    static final String SICI = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0";
    static final List<String> DOIS = List.of(SICI, "10.5555/hash#and?query", "10.5555/50%off",
            "10.5555/naïve-Ærø-論文", "10.5555/plain");

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    WebTestSupport web;

    @BeforeAll
    void importArticles() {
        web = new WebTestSupport(port);
        ArticleTables.deleteAll(jdbc);
        for (int i = 0; i < DOIS.size(); i++) {
            SmallArticle article = new SmallArticle().doi(DOIS.get(i)).title("Article " + i)
                    .issue(i % 2 == 0 ? "12" : "7", i % 2 == 0 ? "3/4" : "S1");
            // Each cites the next on the platform, so that its page links to it.
            article.related("commentary", DOIS.get((i + 1) % DOIS.size()));
            assertThat(ingest.ingest(article.bytes(), "a" + i + ".xml").ok()).as(DOIS.get(i)).isTrue();
        }
        DerivedData.await(derived);
    }

    @Test
    void everyLinkFromTheHomePageDownReachesItsTarget() {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> articlesReached = new HashSet<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> response = web.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            if (path.startsWith("/doi/") && !path.endsWith("/jats")) {
                articlesReached.add(UriUtils.decode(URI.create(path).getRawPath().substring(5), StandardCharsets.UTF_8));
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.body());
            for (String href : page.select("a[href], link[href]").eachAttr("href")) {
                // Not /search: the index of this shared context drops the articles an earlier class deleted only
                // at its next sync (recto.discovery.sync-interval), so its results may still name them for a second.
                if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/css/") && !href.startsWith("/js/")
                        && !href.startsWith("/search")) {
                    queue.add(href.contains("#") ? href.substring(0, href.indexOf('#')) : href);
                }
            }
        }
        assertThat(seen).contains("/journals/SMALL/issues/12/3%2F4", "/journals/SMALL/issues/7/S1");
        for (String doi : DOIS) {
            assertThat(articlesReached).as("pages reached").anySatisfy(p -> assertThat(p).startsWith(doi));
        }
    }

    @Test
    void theIssuePagesListTheirArticles() {
        Document doubleIssue = Jsoup.parse(web.get("/journals/SMALL/issues/12/3%2F4").body());
        assertThat(doubleIssue.select("h1").text()).contains("Issue 3/4");
        assertThat(doubleIssue.select(".article-list-item")).hasSize(3);
        Document supplement = Jsoup.parse(web.get("/journals/SMALL/issues/7/S1").body());
        assertThat(supplement.select(".article-list-item")).hasSize(2);
    }

    @Test
    void theSiciDoiIsLinkedEncodedAndItsPagesAnswer() {
        String path = "/doi/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO%3B2-0";
        Document page = Jsoup.parse(web.get(path).body());
        assertThat(page.select("h1.article-title").text()).isEqualTo("Article 0");
        assertThat(page.select("a[href$=/jats]").attr("href")).isEqualTo(path + "/jats");
        assertThat(web.get(path + "/jats").body()).contains("3.0.CO;2-0");
        assertThat(web.get(path + "/full").statusCode()).isEqualTo(200);
        // The resolver link is encoded as the DOI Handbook asks.
        assertThat(page.select("a[href^=https://doi.org/]").eachAttr("href"))
                .contains("https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO%3B2-0");
    }

    @Test
    void spacesAndOtherReservedCharactersAreEncodedAndReadBack() {
        // The JATS reader refuses a DOI with white space, as Crossref does; a link to one still reaches the
        // registry, which reads it back and says plainly that there is no such article.
        assertThat(PathEncoding.doi("10.5555/with space")).isEqualTo("10.5555/with%20space");
        HttpResponse<String> spaced = web.get(Scope.PAGE.link("10.5555/with space", ""));
        assertThat(spaced.statusCode()).isEqualTo(404);
        assertThat(spaced.body()).contains("could not find");
        for (String doi : DOIS) {
            String encoded = PathEncoding.doi(doi);
            assertThat(encoded).matches("[A-Za-z0-9/%()\\-._~!$&'*+,=:@]+");
            assertThat(UriUtils.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(doi);
        }
        assertThat(PathEncoding.segment("3/4")).isEqualTo("3%2F4");
    }

    @Test
    void theImportApiAnswersWithALocationThatResolves() {
        String doi = "10.5555/api;posted<1>#?";
        HttpResponse<String> created = web.post("/api/v1/articles", new SmallArticle().doi(doi).bytes(), "test-admin-token");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/doi/10.5555/api%3Bposted%3C1%3E%23%3F");
        assertThat(web.get(location).statusCode()).isEqualTo(200);
        assertThat(web.get("/api/v1/articles/10.5555/api%3Bposted%3C1%3E%23%3F/notes").statusCode()).isEqualTo(200);
    }
}
