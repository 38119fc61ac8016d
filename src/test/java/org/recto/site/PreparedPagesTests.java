package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

/**
 * The landing page served from prepared bytes: validators and 304s, gzip, HEAD, and the events that must
 * change the bytes served (a new version, a correction linked, the daily roll-up), over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparedPagesTests {

    static final String SEED = "10.1017/S0260210517000407";
    static final String ELIFE = "10.7554/eLife.00003";
    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    static final MovableClock NOW = new MovableClock(Instant.parse("2025-03-10T09:00:00Z"));

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return NOW;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("recto.usage.robots-file", () -> SharedData.robotsList().toString());
        registry.add("recto.usage.rollup-cron", () -> "-");
    }

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void importArticles() {
        ArticleTables.deleteAll(jdbc);
        importFile(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed");
        importFile(SharedData.read(SharedData.corpus("elife00003.xml")), "elife00003.xml");
    }

    @Test
    void aPageIsRenderedOnceThenServedWithValidatorsAndRevalidatedWith304() throws Exception {
        HttpResponse<byte[]> first = get("/doi/" + SEED + "?notes=plain", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Server-Timing")).hasValueSatisfying(t -> assertThat(t).startsWith("render;dur="));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{24}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<byte[]> second = get("/doi/" + SEED + "?notes=plain", null);
        assertThat(second.headers().firstValue("Server-Timing")).as("served from the prepared bytes").isEmpty();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> revalidated = send(request("/doi/" + SEED + "?notes=plain").header("If-None-Match", etag));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        HttpResponse<byte[]> since = send(request("/doi/" + SEED + "?notes=plain")
                .header("If-Modified-Since", first.headers().firstValue("Last-Modified").orElseThrow()));
        assertThat(since.statusCode()).isEqualTo(304);
        HttpResponse<byte[]> otherTag = send(request("/doi/" + SEED + "?notes=plain").header("If-None-Match", "\"nope\""));
        assertThat(otherTag.statusCode()).isEqualTo(200);
    }

    @Test
    void brotliAndGzipArePreparedOnceAndChosenByAcceptEncoding() throws Exception {
        HttpResponse<byte[]> plain = get("/doi/" + ELIFE + "/full", null);
        HttpResponse<byte[]> gzip = get("/doi/" + ELIFE + "/full", "gzip, deflate");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(gzip.body().length).isLessThan(plain.body().length / 3);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        HttpResponse<byte[]> brotli = get("/doi/" + ELIFE + "/full", "gzip, deflate, br, zstd");
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.body().length).isLessThan(gzip.body().length);
        DirectDecompress decompressed = Decoder.decompress(brotli.body());
        assertThat(decompressed.getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
        assertThat(decompressed.getDecompressedData()).isEqualTo(plain.body());

        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        String brotliTag = brotli.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow()).endsWith("-gz\"");
        assertThat(brotliTag).endsWith("-br\"");
        assertThat(send(request("/doi/" + ELIFE + "/full").header("Accept-Encoding", "gzip;q=0, br;q=0")).headers()
                .firstValue("Content-Encoding")).isEmpty();
        assertThat(send(request("/doi/" + ELIFE + "/full").header("Accept-Encoding", "*")).headers()
                .firstValue("Content-Encoding")).hasValue("br");
        assertThat(send(request("/doi/" + ELIFE + "/full").header("If-None-Match", gzipTag)).statusCode()).isEqualTo(304);
        assertThat(send(request("/doi/" + ELIFE + "/full").header("If-None-Match", "\"x\", " + brotliTag)).statusCode())
                .isEqualTo(304);

        HttpResponse<byte[]> head = send(request("/doi/" + ELIFE + "/full").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(plain.body().length));
    }

    @Test
    void aNewVersionChangesThePageAndTheOldOneStaysAtItsVersion() {
        String before = title("/doi/" + ELIFE);
        byte[] xml = SharedData.read(SharedData.corpus("elife00003.xml"));
        String changed = new String(xml, StandardCharsets.UTF_8)
                .replaceFirst("<article-title>", "<article-title>Revised: ");
        importFile(changed.getBytes(StandardCharsets.UTF_8), "elife00003-v2.xml");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(title("/doi/" + ELIFE)).isEqualTo("Revised: " + before));
        assertThat(title("/doi/" + ELIFE + "?version=1")).isEqualTo(before);
        assertThat(title("/doi/" + ELIFE + "/full")).isEqualTo("Revised: " + before);
    }

    @Test
    void aCorrectionImportedLaterShowsOnTheCorrectedArticlesPage() {
        String elifeCorrection = "10.5555/recto.test.elife-correction";
        String seedCorrection = "10.5555/recto.fixture.correction.1";
        String notice = notice("/doi/" + SEED);
        assertThat(notice).contains("https://doi.org/" + seedCorrection);
        assertThat(notices("/doi/" + ELIFE)).isEmpty();

        importFile(SharedData.read(SharedData.seed("mills-bloomfield-2018-correction.xml")), "correction");
        String correction = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018-correction.xml")),
                StandardCharsets.UTF_8).replace(seedCorrection, elifeCorrection).replace(SEED, ELIFE);
        importFile(correction.getBytes(StandardCharsets.UTF_8), "elife-correction");

        // The seed's forward link now leads to the correction here; eLife's page learns of its correction.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(notice("/doi/" + SEED)).contains("/doi/" + seedCorrection).doesNotContain("https://doi.org/");
            assertThat(notices("/doi/" + ELIFE)).contains("Please note a correction has been issued for this article.");
        });
    }

    @Test
    void theDailyRollUpChangesTheFiguresOnThePage() throws Exception {
        String path = "/doi/" + SEED;
        // Before the first roll-up the panel says so plainly, and the JSON answers with zeros, not 503.
        assertThat(panel(path)).isEqualTo("No views have been counted yet: the figures are added up once a day, "
                + "and the first count has not run.");
        HttpResponse<byte[]> json = send(HttpRequest.newBuilder(uri("/api/v1/articles/" + SEED + "/usage")));
        assertThat(json.statusCode()).isEqualTo(200);
        String figures = new String(json.body(), StandardCharsets.UTF_8);
        assertThat(figures).contains("\"rolledUp\":false", "\"htmlViews\":0", "\"Total_Item_Requests\":0",
                "\"capturedFrom\":null");
        HttpResponse<byte[]> view = send(request(path).header("User-Agent", CHROME));
        assertThat(view.statusCode()).isEqualTo(200);
        // A 304 is a view the reader got, too (COUNTER counts 200 and 304).
        assertThat(send(request(path).header("User-Agent", CHROME).header("X-Forwarded-For", "1.2.3.4")
                .header("If-None-Match", view.headers().firstValue("ETag").orElseThrow())).statusCode()).isEqualTo(304);
        Thread.sleep(1_500); // the recorder's write window
        NOW.set(NOW.get().plus(Duration.ofDays(1)));
        HttpResponse<byte[]> rollup = send(HttpRequest.newBuilder(uri("/api/v1/admin/usage/rollup"))
                .header("Authorization", "Bearer test-admin-token").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rollup.statusCode()).as(new String(rollup.body(), StandardCharsets.UTF_8)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(panel(path)).contains("Total abstract views:"));
        assertThat(jdbc.sql("select count(*) from usage_event where action = 'ABSTRACT'").query(Long.class).single())
                .as("the 200 and the 304").isGreaterThanOrEqualTo(2);
    }

    @Test
    void unknownArticlesVersionsAndHostileDoisAreRefusedPlainly() throws Exception {
        assertThat(get("/doi/10.9999/none", null).statusCode()).isEqualTo(404);
        assertThat(get("/doi/" + SEED + "?version=9", null).statusCode()).isEqualTo(404);
        assertThat(get("/doi/" + SEED + "?version=x", null).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> script = get("/doi/10.1234/%3Cscript%3Ealert(1)%3C/script%3E", null);
        assertThat(script.statusCode()).isEqualTo(404);
        assertThat(new String(script.body(), StandardCharsets.UTF_8)).doesNotContain("<script>alert(1)");
        assertThat(rawStatusLine("/doi/10.1234/%ZZ")).contains(" 400 ");
        // DOIs of the SICI era hold semicolons and angle brackets; they are DOIs, not attacks.
        HttpResponse<byte[]> sici = get("/doi/10.1002/(SICI)1097-4636(199706)35:4%3C479::AID-JBM8%3E3.0.CO;2-K", null);
        assertThat(sici.statusCode()).isEqualTo(404);
        assertThat(new String(sici.body(), StandardCharsets.UTF_8)).contains("3.0.CO;2-K");
        assertThat(get("/api/v1/articles/" + SEED + "/nothing", null).statusCode()).isEqualTo(404);
    }

    /** A request no HTTP client library would send: a malformed percent escape. */
    private String rawStatusLine(String path) throws IOException {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
        }
    }

    private void importFile(byte[] xml, String name) {
        assertThat(ingest.ingest(xml, name).problems()).as(name).isEmpty();
        DerivedData.await(derived);
    }

    private String title(String path) {
        return Jsoup.parse(body(path)).select("h1.article-title").text();
    }

    private String notice(String path) {
        return Jsoup.parse(body(path)).select(".notice a").outerHtml();
    }

    private String notices(String path) {
        return Jsoup.parse(body(path)).select(".notice").text();
    }

    private String panel(String path) {
        return Jsoup.parse(body(path)).select(".usage-panel").text();
    }

    private String body(String path) {
        try {
            HttpResponse<byte[]> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return new String(response.body(), StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
