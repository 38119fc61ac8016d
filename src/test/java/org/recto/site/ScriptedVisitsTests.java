package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.MovableClock;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scripted visits over real HTTP by clients that keep no cookies (two readers, double-clicks, reloads, a new hour,
 * a robot), then the roll-up: the page, the usage API and the SUSHI reports show exactly what the COUNTER Code of
 * Practice prescribes, with readers told apart by address + User-Agent. No response sets a cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScriptedVisitsTests {

    static final String DOI = "10.1017/S0260210517000407";
    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String WORLD_KEY = "world-key-visits";

    /** The test moves time along; the site and the usage module read it from this clock. */
    static final MovableClock NOW = new MovableClock(Instant.parse("2025-06-15T10:00:00Z"));

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return NOW;
        }
    }

    @DynamicPropertySource
    static void usage(DynamicPropertyRegistry registry) {
        registry.add("recto.usage.robots-file",
                () -> SharedData.robotsList().toString());
        registry.add("recto.usage.rollup-cron", () -> "-");
        registry.add("recto.usage.world-api-key", () -> WORLD_KEY);
    }

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void visitsRolledUpGiveTheCounterFiguresOnThePageInTheApiAndInSushi() throws Exception {
        ArticleTables.deleteAll(jdbc);
        assertThat(ingest.ingest(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed").ok()).isTrue();
        DerivedData.await(derived);
        Reader ann = new Reader(CHROME, false);   // never sends a cookie
        Reader ben = new Reader(FIREFOX, true);   // sends a made-up cookie, a new one every time
        Reader bot = new Reader(GOOGLEBOT, false);

        at("10:00:00"); ann.get("/doi/" + DOI);          // investigation
        at("10:01:00"); ann.get("/doi/" + DOI + "/full"); // request (and investigation)
        at("10:01:20"); ann.get("/doi/" + DOI + "/full"); // double-click: one action with the one before
        at("10:40:00"); ann.get("/doi/" + DOI);          // a reload after 30 s: counted, same session (same hour)
        at("11:05:00"); ann.get("/doi/" + DOI);          // a new hour: a new session
        at("10:05:00"); ben.get("/doi/" + DOI);          // another reader (another User-Agent), another session
        at("10:06:00"); ben.get("/doi/" + DOI);          // 60 s later: a second investigation, same session
        at("10:06:10"); ben.get("/doi/" + DOI);          // double-click, though its cookie is new: one action
        at("10:07:00"); bot.get("/doi/" + DOI);          // robots count for nothing
        at("10:07:10"); bot.get("/doi/" + DOI + "/full");
        Thread.sleep(1_500); // the recorder's write window (at most 1 s)
        // Ann: abstract 10:00, 10:40, 11:05 and one HTML view (sessions 10 h and 11 h); Ben: abstract 10:05 and
        // 10:06:10 (session 10 h). Investigations 6 (abstract 5 + HTML 1), requests 1; sessions 3, requesting 1.

        // June is over, so its usage is complete: COUNTER reports no month still in progress.
        NOW.set(Instant.parse("2025-07-02T00:10:00Z"));
        HttpResponse<String> rollup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/admin/usage/rollup"))
                .header("Authorization", "Bearer test-admin-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rollup.statusCode()).as(rollup.body()).isBetween(200, 204);
        DerivedData.await(derived); // the roll-up's event drops the prepared pages that show the old figures

        JsonNode usage = json.readTree(ann.get("/api/v1/articles/" + DOI + "/usage"));
        assertThat(usage.get("htmlViews").asLong()).isEqualTo(1);
        assertThat(usage.get("pdfViews").asLong()).isZero();
        assertThat(usage.get("abstractViews").asLong()).isEqualTo(5);
        assertThat(usage.get("capturedFrom").asString()).isEqualTo("2025-06-15");
        JsonNode totals = usage; // the COUNTER totals stand beside the figures, keyed by Metric_Type
        assertThat(totals.get("Total_Item_Investigations").asLong()).isEqualTo(6);
        assertThat(totals.get("Unique_Item_Investigations").asLong()).isEqualTo(3);
        assertThat(totals.get("Total_Item_Requests").asLong()).isEqualTo(1);
        assertThat(totals.get("Unique_Item_Requests").asLong()).isEqualTo(1);

        String panel = Jsoup.parse(ann.get("/doi/" + DOI)).select(".usage-panel").text();
        assertThat(panel).contains("Total number of HTML views: 1", "Total number of PDF views: 0", "Total abstract views: 5",
                "This data will be updated every 24 hours");

        JsonNode tr = json.readTree(ann.get("/sushi/r51/reports/tr?customer_id=0000000000000000&api_key="
                + WORLD_KEY + "&begin_date=2025-06&end_date=2025-06"));
        JsonNode performance = tr.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance");
        assertThat(performance.get("Total_Item_Investigations").get("2025-06").asLong()).isEqualTo(6);
        assertThat(performance.get("Unique_Item_Investigations").get("2025-06").asLong()).isEqualTo(3);
        assertThat(performance.get("Total_Item_Requests").get("2025-06").asLong()).isEqualTo(1);
        assertThat(performance.get("Unique_Item_Requests").get("2025-06").asLong()).isEqualTo(1);

        String ir = ann.get("/sushi/r51/reports/ir?customer_id=0000000000000000&api_key="
                + WORLD_KEY + "&begin_date=2025-06&end_date=2025-06");
        JsonNode item = findItem(json.readTree(ir), DOI);
        assertThat(item).as(ir).isNotNull();
        JsonNode itemPerformance = item.get("Attribute_Performance").get(0).get("Performance");
        assertThat(itemPerformance.get("Total_Item_Investigations").get("2025-06").asLong()).isEqualTo(6);
        assertThat(itemPerformance.get("Unique_Item_Investigations").get("2025-06").asLong()).isEqualTo(3);
        assertThat(itemPerformance.get("Total_Item_Requests").get("2025-06").asLong()).isEqualTo(1);
        assertThat(itemPerformance.get("Unique_Item_Requests").get("2025-06").asLong()).isEqualTo(1);
    }

    private static void at(String time) {
        NOW.set(Instant.parse("2025-06-15T" + time + "Z"));
    }

    private static JsonNode findItem(JsonNode node, String doi) {
        if (node.isObject()) {
            JsonNode id = node.get("Item_ID");
            if (id != null && id.get("DOI") != null && id.get("DOI").asString().equalsIgnoreCase(doi)
                    && node.get("Attribute_Performance") != null) {
                return node;
            }
        }
        for (JsonNode child : node) {
            JsonNode found = findItem(child, doi);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * One client that keeps no cookies (an HttpClient without a cookie handler), as a browser refusing them or a
     * script would be; {@code rotatingCookie} makes it send a made-up session cookie, a new one on every request.
     */
    final class Reader {
        private final String userAgent;
        private final boolean rotatingCookie;
        private final HttpClient http = HttpClient.newHttpClient();
        private int sent;

        Reader(String userAgent, boolean rotatingCookie) {
            this.userAgent = userAgent;
            this.rotatingCookie = rotatingCookie;
        }

        String get(String path) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("User-Agent", userAgent)
                    .header("Accept", "text/html,application/json").GET();
            if (rotatingCookie) {
                request.header("Cookie", "recto_session=" + String.format("%032x", ++sent));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as("Set-Cookie on " + path).isEmpty();
            return response.body();
        }
    }
}
