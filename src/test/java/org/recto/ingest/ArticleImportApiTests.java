package org.recto.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleTables;
import org.recto.support.SharedData;
import org.recto.support.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/articles} over real HTTP: the token, the answers, and nothing half-stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleImportApiTests {

    static final String TOKEN = "test-admin-token";

    @LocalServerPort
    int port;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    WebTestSupport web;

    @BeforeEach
    void setUp() {
        web = new WebTestSupport(port);
        ArticleTables.deleteAll(jdbc);
    }

    @Test
    void importsAnArticleAndAnswersWithItsLandingPage() {
        HttpResponse<String> response = web.post("/api/v1/articles",
                SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), TOKEN);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/doi/10.1017/S0260210517000407");
        assertThat(catalog.find("10.1017/S0260210517000407")).isPresent();
        assertThat(web.get("/doi/10.1017/S0260210517000407").statusCode()).isEqualTo(200);
    }

    @Test
    void postingTheSameXmlAgainIsOkNotCreated() {
        byte[] xml = SharedData.read(SharedData.seed("mills-bloomfield-2018.xml"));
        HttpResponse<String> first = web.post("/api/v1/articles", xml, TOKEN);
        HttpResponse<String> again = web.post("/api/v1/articles", xml, TOKEN);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(again.body());
        assertThat(body.get("doi").asString()).isEqualTo("10.1017/S0260210517000407");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("outcome").asString()).isEqualTo("unchanged");
        assertThat(again.headers().firstValue("Location")).hasValue("/doi/10.1017/S0260210517000407");
    }

    @Test
    void refusesWithoutTheAdminToken() {
        byte[] xml = SharedData.read(SharedData.seed("mills-bloomfield-2018.xml"));
        assertThat(web.post("/api/v1/articles", xml, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = web.post("/api/v1/articles", xml, "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(catalog.allDois()).isEmpty();
    }

    @Test
    void brokenXmlGetsAProblemThatNamesTheLineAndStoresNothing() {
        String truncated = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), StandardCharsets.UTF_8);
        truncated = truncated.substring(0, truncated.indexOf("<fn id=\"fn20\">"));
        int lines = (int) truncated.lines().count();

        HttpResponse<String> response = web.post("/api/v1/articles", truncated.getBytes(StandardCharsets.UTF_8), TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("line").asInt()).isBetween(lines - 1, lines + 1);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(catalog.allDois()).isEmpty();
        assertThat(jdbc.sql("select count(*) from journal").query(Integer.class).single()).isZero();
    }

    @Test
    void hostileXmlIsRefusedAndLeaksNothing() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE article [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <article><front><article-meta><article-id pub-id-type="doi">10.5555/xxe</article-id>
                <title-group><article-title>&secret;</article-title></title-group></article-meta></front></article>
                """;
        HttpResponse<String> response = web.post("/api/v1/articles", xxe.getBytes(StandardCharsets.UTF_8), TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
        assertThat(catalog.allDois()).isEmpty();
    }

    @Test
    void anEntityDeclaredAfterPaddingIsRefusedAndNeverServed() {
        String padded = """
                <?xml version="1.0"?>
                <!DOCTYPE article [
                <!ELEMENT p (#PCDATA)>
                %s
                <!ENTITY secret SYSTEM "file:///etc/passwd">
                ]>
                <article><front><article-meta><article-id pub-id-type="doi">10.5555/padded</article-id>
                <title-group><article-title>&secret;</article-title></title-group></article-meta></front></article>
                """.formatted("<!-- " + "padding ".repeat(1100) + "-->");
        HttpResponse<String> response = web.post("/api/v1/articles", padded.getBytes(StandardCharsets.UTF_8), TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("message").asString())
                .contains("external entity &secret;");
        assertThat(catalog.allDois()).isEmpty();
        HttpResponse<String> jats = web.get("/doi/10.5555/padded/jats");
        assertThat(jats.statusCode()).isEqualTo(404);
        assertThat(jats.body()).doesNotContain("<!ENTITY");
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[51 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] start = "<?xml version=\"1.0\"?><article>".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, huge, 0, start.length);

        HttpResponse<String> response = web.post("/api/v1/articles", huge, TOKEN);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the import limit");
        assertThat(catalog.allDois()).isEmpty();
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        HttpResponse<String> response = web.post("/api/v1/articles", new byte[0], TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("empty");
    }
}
