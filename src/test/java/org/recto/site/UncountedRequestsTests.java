package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.recto.usage.UsageRecorder;
import org.recto.usage.internal.EventWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over real HTTP, with no robots file configured (the COUNTER list bundled in the jar): HEAD requests, prefetches
 * and sub-resource fetches of a page record nothing, scripted clients are classed as robots, and a reader's view
 * is recorded as a user's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UncountedRequestsTests {

    static final String PAGE = "/doi/10.1017/S0260210517000407";
    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;
    @Autowired
    UsageRecorder recorder;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void importSeed() {
        ArticleTables.deleteAll(jdbc);
        assertThat(ingest.ingest(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed").ok()).isTrue();
        DerivedData.await(derived);
    }

    private Map<String, Long> eventsAfter(HttpRequest.Builder... requests) throws Exception {
        jdbc.sql("delete from usage_event").update();
        for (HttpRequest.Builder r : requests) {
            HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(((EventWriter) recorder).flush(Duration.ofSeconds(30))).isTrue();
        Map<String, Long> byClass = new LinkedHashMap<>();
        jdbc.sql("select ua_class, count(*) as n from usage_event group by ua_class")
                .query((rs, i) -> byClass.put(rs.getString("ua_class"), rs.getLong("n"))).list();
        return byClass;
    }

    private HttpRequest.Builder get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("User-Agent", CHROME);
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return b;
    }

    @Test
    void headPrefetchesAndEmbeddedFetchesAreNotViews() throws Exception {
        Map<String, Long> events = eventsAfter(
                get(PAGE).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                get(PAGE + "/full").method("HEAD", HttpRequest.BodyPublishers.noBody()),
                get(PAGE, "Sec-Purpose", "prefetch"),
                get(PAGE, "Sec-Purpose", "prefetch;prerender"),
                get(PAGE + "/full", "Purpose", "prefetch"),
                get(PAGE, "X-Moz", "prefetch"),
                get(PAGE, "Sec-Fetch-Dest", "image"),
                get(PAGE, "Sec-Fetch-Dest", "script"),
                get(PAGE + "/full", "Sec-Fetch-Dest", "empty"),
                get(PAGE, "Sec-Fetch-Dest", "style"));
        assertThat(events).isEmpty();
    }

    @Test
    void aReadersNavigationIsAView() throws Exception {
        Map<String, Long> events = eventsAfter(
                get(PAGE, "Sec-Fetch-Dest", "document", "Sec-Fetch-Mode", "navigate"),
                get(PAGE + "/full"));
        assertThat(events).containsExactly(Map.entry("user", 2L));
    }

    @Test
    void scriptedClientsAreRobotsWithTheBundledCounterList() throws Exception {
        String[] agents = {"Go-http-client/1.1", "okhttp/4.12.0", "PostmanRuntime/7.39.0", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Mozilla/5.0"};
        HttpRequest.Builder[] requests = new HttpRequest.Builder[agents.length];
        for (int i = 0; i < agents.length; i++) {
            requests[i] = get(PAGE, "User-Agent", agents[i]);
        }
        assertThat(eventsAfter(requests)).containsExactly(Map.entry("robot", (long) agents.length));
    }
}
