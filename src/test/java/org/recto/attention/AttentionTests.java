package org.recto.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attention score end to end: mentions in through the admin API (a JSON array and JSON lines) and the import
 * command, deduplicated; the score of an article with known mentions against the value worked out by hand; the
 * badge on the landing page, the details page, the page that explains the weights, and plain refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttentionTests {

    static final String SCORED = "10.5555/jcpg.2025.001";
    static final String QUIET = "10.5555/jcpg.2025.002";
    static final String TOKEN = "test-admin-token";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;
    @Autowired
    ApplicationContext context;

    WebTestSupport web;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    /**
     * By hand: news 2 outlets × 8 = 16 (The Guardian twice counts once); blog 1 × 5 = 5; policy one source (WHO,
     * three documents) × 3 = 3; Wikipedia once × 3 = 3 (two pages); X three people × 0.25 = 0.75 (five posts, one
     * person twice, one post sent twice); Facebook 1 × 0.25; Reddit one person × 0.25 (two posts by u/x, one sent
     * twice). Sum 28.25, rounded up (not to the nearest): 29.
     */
    static final String MENTIONS = """
            [
             {"doi": "%1$s", "source": "news", "id": "g-1", "author": "The Guardian", "url": "https://news.example/g1", "date": "2025-03-01"},
             {"doi": "%1$s", "source": "news", "id": "g-2", "author": "The Guardian", "url": "https://news.example/g2", "date": "2025-03-02"},
             {"doi": "%1$s", "source": "news", "id": "bbc-1", "author": "BBC News", "url": "https://news.example/bbc", "date": "2025-03-03T10:00:00Z"},
             {"doi": "https://doi.org/%1$s", "source": "blog", "id": "b-1", "author": "A Library Blog", "url": "https://blog.example/1"},
             {"doi": "%1$s", "source": "policy", "id": "who-1", "author": "WHO"},
             {"doi": "%1$s", "source": "policy", "id": "who-2", "author": "WHO"},
             {"doi": "%1$s", "source": "policy", "id": "who-3", "author": "who"},
             {"doi": "%1$s", "source": "wikipedia", "id": "en:Consortium", "author": "en.wikipedia.org"},
             {"doi": "%1$s", "source": "wikipedia", "id": "de:Konsortium", "author": "de.wikipedia.org"},
             {"doi": "%1$s", "source": "twitter", "id": "t1", "author": "@ann"},
             {"doi": "%1$s", "source": "twitter", "id": "t2", "author": "@ann"},
             {"doi": "%1$s", "source": "twitter", "id": "t3", "author": "@bob"},
             {"doi": "%1$s", "source": "twitter", "id": "t4", "author": "@cat"},
             {"doi": "%1$s", "source": "twitter", "id": "t4", "author": "@cat"},
             {"doi": "%1$s", "source": "facebook", "id": "f1", "author": "A Page"}
            ]""".formatted(SCORED);
    static final String MORE = """
            {"doi": "%1$s", "source": "reddit", "id": "r1", "author": "u/x"}
            {"doi": "%1$s", "source": "twitter", "id": "t1", "author": "@ann"}
            """.formatted(SCORED);

    @BeforeAll
    void importArticles() throws Exception {
        web = new WebTestSupport(port);
        ArticleTables.deleteAll(jdbc);
        jdbc.sql("delete from attention_mention").update();
        for (String name : List.of("01-editorial-tending.xml", "02-shared-channels.xml")) {
            var demo = new PathMatchingResourcePatternResolver().getResource("classpath:demo/" + name);
            assertThat(ingest.ingest(demo.getContentAsByteArray(), name).ok()).isTrue();
        }
        DerivedData.await(derived);
        assertThat(web.get("/doi/" + SCORED).body()).contains("No mentions of this article");

        HttpResponse<String> array = post(MENTIONS, "application/json", TOKEN);
        assertThat(array.statusCode()).as(array.body()).isEqualTo(200);
        assertThat(json.readTree(array.body()).get("added").asInt()).isEqualTo(14);
        HttpResponse<String> lines = post(MORE, "application/x-ndjson", TOKEN);
        assertThat(json.readTree(lines.body()).get("added").asInt()).isEqualTo(1);
        assertThat(json.readTree(lines.body()).get("duplicates").asInt()).isEqualTo(1);
        Path file = Files.createTempFile("mentions", ".jsonl");
        Files.writeString(file, """
                {"doi": "%1$s", "source": "reddit", "id": "r2", "author": "u/x"}
                {"doi": "%1$s", "source": "reddit", "id": "r1", "author": "u/x"}
                """.formatted(SCORED));
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            runner.run(new DefaultApplicationArguments("mentions-import", file.toString()));
        }
        DerivedData.await(derived);
    }

    HttpResponse<String> post(String body, String type, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(web.url("/api/v1/admin/mentions")))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theScoreEqualsTheHandComputedValue() throws Exception {
        HttpResponse<String> r = web.get("/api/v1/articles/" + SCORED + "/attention");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = json.readTree(r.body());
        assertThat(a.get("score").asInt()).isEqualTo(29);
        JsonNode s = a.get("sources");
        assertThat(s.get("news").get("mentions").asInt()).isEqualTo(3);
        assertThat(s.get("news").get("contribution").decimalValue()).isEqualByComparingTo("16");
        assertThat(s.get("policy").get("counted").asInt()).isEqualTo(1);
        assertThat(s.get("wikipedia").get("contribution").decimalValue()).isEqualByComparingTo("3");
        assertThat(s.get("twitter").get("mentions").asInt()).isEqualTo(4);
        assertThat(s.get("twitter").get("weight").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(s.get("twitter").get("contribution").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(s.get("reddit").get("mentions").asInt()).isEqualTo(2);
        assertThat(s.get("reddit").get("contribution").decimalValue()).isEqualByComparingTo("0.25");
        // Largest contribution first.
        assertThat(s.propertyNames().iterator().next()).isEqualTo("news");
        JsonNode quiet = json.readTree(web.get("/api/v1/articles/" + QUIET + "/attention").body());
        assertThat(quiet.get("score").asInt()).isZero();
        assertThat(quiet.get("sources").isEmpty()).isTrue();
        assertThat(web.get("/api/v1/articles/10.9999/none/attention").statusCode()).isEqualTo(404);
    }

    @Test
    void theLandingPageShowsTheBadgeAndTheDetailsListTheMentions() {
        String page = web.get("/doi/" + SCORED).body();
        assertThat(page).contains("class=\"attention-badge\"").contains(">29</text>")
                .contains("href=\"/doi/10.5555/jcpg.2025.001/attention\"");
        assertThat(web.get("/doi/" + QUIET).body()).contains("No mentions of this article");
        String details = web.get("/doi/" + SCORED + "/attention").body();
        assertThat(details).contains("The Guardian").contains("BBC News").contains("Policy documents (3)")
                .contains("https://news.example/g1").contains("X (Twitter) (4)");
        String about = web.get("/attention").body();
        assertThat(about).contains("How the attention score is calculated").contains("<td>8</td>").contains("<td>0.25</td>");
    }

    @Test
    void badMentionsAreRefusedWithTheirProblemsAndStoreNothing() throws Exception {
        assertThat(post(MENTIONS, "application/json", null).statusCode()).isEqualTo(401);
        assertThat(post(MENTIONS, "application/json", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> bad = post("""
                [{"doi": "%s", "source": "news", "id": "ok-1"},
                 {"doi": "not-a-doi", "source": "carrier-pigeon", "id": ""},
                 {"doi": "%1$s", "source": "blog", "id": "x", "url": "javascript:alert(1)", "date": "yesterday"}]"""
                .formatted(SCORED), "application/json", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        List<String> errors = json.readerForListOf(String.class).readValue(json.readTree(bad.body()).get("errors"));
        assertThat(errors).anyMatch(e -> e.startsWith("item 2:") && e.contains("not a DOI"))
                .anyMatch(e -> e.contains("unknown \"source\" carrier-pigeon"))
                .anyMatch(e -> e.contains("\"id\" is missing"))
                .anyMatch(e -> e.startsWith("item 3:") && e.contains("http or https"))
                .anyMatch(e -> e.contains("ISO date"));
        assertThat(post("{not json", "application/x-ndjson", TOKEN).body()).contains("line 1: not JSON");
        assertThat(post("{}", "application/json", TOKEN).body()).contains("JSON array");
        assertThat(jdbc.sql("select count(*) from attention_mention where mention_id = 'ok-1'").query(Integer.class).single())
                .isZero();
    }
}
