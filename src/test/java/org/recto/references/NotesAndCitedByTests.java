package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.ingest.JatsIngest;
import org.recto.article.DerivedWork;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.recto.support.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notes API and the references on the page, end to end: the seed article's 140 endnotes with
 * every Ibid. and short form resolved, and cited-by among the demo journal's articles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesAndCitedByTests {

    static final String SEED = "10.1017/S0260210517000407";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    WebTestSupport web;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void importArticles() throws Exception {
        web = new WebTestSupport(port);
        ArticleTables.deleteAll(jdbc);
        jdbc.sql("delete from citation_index").update();
        jdbc.sql("delete from cited_work").update();
        assertThat(ingest.ingest(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed").ok()).isTrue();
        for (var demo : new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.xml")) {
            assertThat(ingest.ingest(demo.getContentAsByteArray(), demo.getFilename()).ok()).isTrue();
        }
        DerivedData.await(derived);
    }

    @Test
    void theNotesApiResolvesEveryIbidAndShortFormOfTheSeed() {
        HttpResponse<String> response = web.get("/api/v1/articles/" + SEED + "/notes");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode notes = json.readTree(response.body()).get("notes");
        assertThat(notes).hasSize(140);

        Map<String, String> resolved = new LinkedHashMap<>();
        for (JsonNode note : notes) {
            for (JsonNode c : note.get("citations")) {
                if (!c.get("resolvesTo").isNull()) {
                    resolved.put(note.get("label").asString(), c.get("resolvesTo").asString());
                }
            }
        }
        assertThat(resolved).contains(
                Map.entry("8", "7"), Map.entry("9", "7"), Map.entry("12", "7"), Map.entry("13", "7"),
                Map.entry("14", "7"), Map.entry("15", "7"), Map.entry("16", "7"), Map.entry("29", "24"),
                Map.entry("45", "17"), Map.entry("56", "55"), Map.entry("57", "47"), Map.entry("60", "18"),
                Map.entry("63", "47"), Map.entry("71", "69"), Map.entry("77", "73"), Map.entry("81", "80"),
                Map.entry("84", "18"), Map.entry("87", "75"), Map.entry("96", "88"), Map.entry("101", "99"),
                Map.entry("113", "79"), Map.entry("115", "42"), Map.entry("116", "69"), Map.entry("128", "125"),
                Map.entry("129", "125"), Map.entry("132", "102"), Map.entry("134", "125"), Map.entry("139", "30"),
                Map.entry("140", "30"));

        JsonNode note7 = notes.get(6);
        assertThat(note7.get("citations")).hasSize(1);
        assertThat(note7.get("citations").get(0).get("resolvesTo").isNull()).isTrue();
        assertThat(note7.get("citations").get(0).get("fields").toString()).contains("\"label\":\"author\"", "Bloomfield");
        // each field as written, and its value without the punctuation that joins it to the next
        Map<String, String> values = new java.util.HashMap<>();
        for (JsonNode f : note7.get("citations").get(0).get("fields")) {
            assertThat(f.get("text").asString()).contains(f.get("value").asString());
            values.put(f.get("label").asString(), f.get("value").asString());
        }
        assertThat(values).containsEntry("author", "Bloomfield, Alan").containsEntry("date", "2016")
                .containsEntry("journal", "Review of International Studies");
        // Note 10 holds two full references; note 2 is commentary only.
        assertThat(notes.get(9).get("citations")).hasSize(2);
        assertThat(notes.get(1).get("citations")).isEmpty();
        assertThat(notes.get(1).get("commentary").asString()).contains("Thirty others");
    }

    @Test
    void unknownArticlesAndPathsAre404() {
        assertThat(web.get("/api/v1/articles/10.9999/nothing/notes").statusCode()).isEqualTo(404);
        assertThat(web.get("/api/v1/articles/" + SEED + "/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void anIbidOnThePageLinksToTheFullReferenceAndShowsIt() {
        Document page = Jsoup.parse(web.get("/doi/" + SEED).body());
        Element ibid = page.select("#note-fn8 .backref a").first();
        assertThat(ibid.attr("href")).isEqualTo("#note-fn7");
        Element tip = page.getElementById(ibid.attr("aria-describedby"));
        assertThat(tip.attr("role")).isEqualTo("tooltip");
        assertThat(tip.text()).contains("Note 7", "Norm antipreneurs and theorising resistance");
        assertThat(page.select("#note-fn7 .cite-author").text()).isEqualTo("Bloomfield, Alan");
        // The notes as published are one click away.
        Document plain = Jsoup.parse(web.get("/doi/" + SEED + "?notes=plain").body());
        assertThat(plain.select("#notes .backref")).isEmpty();
        assertThat(plain.select("#note-fn8").text()).isEqualTo("8 Ibid., p. 312.");
        assertThat(page.select("#notes .view-switch a").attr("href")).isEqualTo("?notes=plain#notes");
    }

    @Test
    void linksInNotesLeaveTheSentencePunctuationOut() {
        Document page = Jsoup.parse(web.get("/doi/10.5555/jcpg.2025.003").body());
        assertThat(page.select("#notes a.ref-link, #notes a.cite-url, #notes a.cite-doi").eachAttr("href"))
                .isNotEmpty()
                .allSatisfy(href -> assertThat(href).startsWith("https://").doesNotEndWith(".").doesNotEndWith(","));
        // The corresponding author's address appears once.
        assertThat(page.select(".correspondence a[href^=mailto]")).hasSize(1);
    }

    @Test
    void referencesToArticlesOnThePlatformLinkThereAndCountAsCitedBy() {
        Document review = Jsoup.parse(web.get("/doi/10.5555/jcpg.2025.006").body());
        assertThat(review.select("#references a.on-platform").eachAttr("href"))
                .contains("/doi/10.5555/jcpg.2025.002", "/doi/10.5555/jcpg.2025.005");
        assertThat(review.select("#references a.cite-doi, #references a.ref-link").eachAttr("href"))
                .anyMatch(h -> h.startsWith("https://doi.org/10.5555/jcpg.2025.00"));

        Document cited = Jsoup.parse(web.get("/doi/10.5555/jcpg.2025.002").body());
        String citedBy = cited.select("[aria-labelledby=cited-heading]").text();
        assertThat(citedBy).contains("on this platform").contains("Open scholarly infrastructure as a commons");

        Document seed = Jsoup.parse(web.get("/doi/" + SEED).body());
        assertThat(seed.select("[aria-labelledby=cited-heading]").text()).contains("No article on this platform cites this one yet");
    }
}
