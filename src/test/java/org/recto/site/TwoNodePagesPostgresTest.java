package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.recto.RectoApplication;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.PostgresSchema;
import org.recto.support.SharedData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one PostgreSQL, each with its own prepared pages in memory: a version published through one
 * is what the other serves within a few seconds (the page invalidation log, polled every 100 ms here).
 */
class TwoNodePagesPostgresTest {

    static final String DOI = "10.7554/eLife.00003";

    @Test
    void aVersionPublishedOnOneNodeIsServedByTheOther() throws Exception {
        String schema = "recto_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (ConfigurableApplicationContext a = node(schema); ConfigurableApplicationContext b = node(schema)) {
            JatsIngest ingestA = a.getBean(JatsIngest.class);
            byte[] xml = SharedData.read(SharedData.corpus("elife00003.xml"));
            assertThat(ingestA.ingest(xml, "v1").ok()).isTrue();
            DerivedData.await(a.getBean(DerivedWork.class));
            String v1 = title(b);
            assertThat(v1).isNotBlank();
            assertThat(title(b)).as("now from node B's prepared bytes").isEqualTo(v1);

            String changed = new String(xml, StandardCharsets.UTF_8).replaceFirst("<article-title>", "<article-title>Second: ");
            assertThat(ingestA.ingest(changed.getBytes(StandardCharsets.UTF_8), "v2").ok()).isTrue();
            DerivedData.await(a.getBean(DerivedWork.class));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(title(b)).isEqualTo("Second: " + v1));
        } finally {
            try (var c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "")) {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static ConfigurableApplicationContext node(String schema) {
        return new SpringApplicationBuilder(RectoApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + PostgresSchema.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresSchema.USER,
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.create-schemas=true",
                "--recto.demo.enabled=false",
                "--recto.usage.rollup-cron=-");
    }

    private static String title(ConfigurableApplicationContext node) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/doi/" + DOI)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).select("h1.article-title").text();
    }
}
