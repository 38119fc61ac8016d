package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.site.pages.PageCache;
import org.recto.site.pages.PageKey;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 45 MB article (the seed's front matter and 140 notes, and a body of a quarter of a million paragraphs): its
 * landing page is rendered once, and every later request is answered from the prepared bytes, never from the
 * article again. Nothing is timed; the proof is the page cache and the {@code Server-Timing} header that only a
 * rendering response carries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeArticlePagesTests {

    static final String DOI = "10.1017/S0260210517000407";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;
    @Autowired
    PageCache pages;

    final HttpClient http = HttpClient.newHttpClient();

    /** The seed article with {@code megabytes} of body paragraphs. */
    static byte[] largeSeed(int megabytes) {
        String seed = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), StandardCharsets.UTF_8);
        int body = seed.indexOf("<body>") + "<body>".length();
        byte[] para = "<p>Lorem ipsum dolor sit amet, <italic>consectetur</italic> adipiscing elit, sed do eiusmod.</p>\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes * 1024 * 1024 + seed.length());
        out.writeBytes(seed.substring(0, body).getBytes(StandardCharsets.UTF_8));
        for (long written = 0; written < (long) megabytes * 1024 * 1024; written += para.length) {
            out.writeBytes(para);
        }
        out.writeBytes(seed.substring(body).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @BeforeAll
    void importALargeArticle() {
        ArticleTables.deleteAll(jdbc);
        byte[] xml = largeSeed(45);
        assertThat(xml.length).isGreaterThan(45 * 1024 * 1024);
        assertThat(ingest.ingest(xml, "large.xml").problems()).isEmpty();
        DerivedData.await(derived);
    }

    private HttpResponse<byte[]> landingPage() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/doi/" + DOI)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theLandingPageIsRenderedOnceThenServedFromItsPreparedBytes() throws Exception {
        pages.invalidateAll();
        HttpResponse<byte[]> first = landingPage();
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Server-Timing")).as("the first request renders")
                .hasValueSatisfying(v -> assertThat(v).startsWith("render;dur="));
        String html = new String(first.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("African resistance to the International Criminal Court", "View HTML")
                .doesNotContain("Lorem ipsum"); // the body is the full text's, not cleaned into the landing page
        assertThat(first.body().length).isLessThan(1024 * 1024);

        // The page is there, prepared: asking the cache for it must not render.
        PageCache.Served held = pages.get(PageKey.of(DOI, null, PageKey.Kind.LANDING, false), key -> {
            throw new AssertionError("the landing page was rendered again");
        }).orElseThrow();
        assertThat(held.rendered()).isFalse();

        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> again = landingPage();
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().firstValue("Server-Timing")).as("request %d renders nothing", i + 2).isEmpty();
            assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
            assertThat(again.body()).isEqualTo(first.body());
        }
    }
}
