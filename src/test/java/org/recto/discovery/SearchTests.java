package org.recto.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
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
 * Search end to end over real HTTP: the demo journal, the seed and four eLife articles (two research articles and
 * their Insights) imported, indexed by the publish-time listener; BM25 with field queries, facets that narrow,
 * highlighted snippets, paging, sorting, notices in results, the page and the JSON, and hostile queries refused
 * plainly (never a 500).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTests {

    static final String LIPID = "10.7554/eLife.00003";
    static final String LIPID_INSIGHT = "10.7554/eLife.00302";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    WebTestSupport web;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void importArticles() throws Exception {
        web = new WebTestSupport(port);
        ArticleTables.deleteAll(jdbc);
        assertThat(ingest.ingest(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed").ok()).isTrue();
        for (var demo : new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.xml")) {
            assertThat(ingest.ingest(demo.getContentAsByteArray(), demo.getFilename()).ok()).isTrue();
        }
        for (String f : List.of("elife00003.xml", "elife00302.xml", "elife00007.xml", "elife00240.xml")) {
            assertThat(ingest.ingest(SharedData.read(SharedData.corpus(f)), f).ok()).isTrue();
        }
        DerivedData.await(derived);
    }

    HttpResponse<String> api(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(web.url("/api/v1/search?" + query)))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode search(String query) throws Exception {
        HttpResponse<String> r = api(query);
        assertThat(r.statusCode()).as(query + " -> " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> dois(JsonNode answer) {
        List<String> dois = new ArrayList<>();
        answer.get("results").forEach(r -> dois.add(r.get("doi").asString()));
        return dois;
    }

    @Test
    void wordsAreFoundByRelevanceWithHighlightedSnippets() throws Exception {
        JsonNode answer = search(q("lipid droplets histones"));
        assertThat(answer.get("total").asLong()).isEqualTo(2);
        assertThat(dois(answer)).containsExactlyInAnyOrder(LIPID, LIPID_INSIGHT);
        JsonNode first = answer.get("results").get(0);
        assertThat(first.get("title").asString()).isNotBlank();
        assertThat(first.get("snippetHtml").asString()).contains("<mark>").containsIgnoringCase("droplet");
        // Every word must appear: one that appears nowhere leaves nothing.
        assertThat(search(q("lipid droplets xylophonist")).get("total").asLong()).isZero();
    }

    @Test
    void phrasesAndFieldsNarrowTheSearch() throws Exception {
        assertThat(dois(search(q("author:Kolter")))).containsExactly(LIPID_INSIGHT);
        assertThat(dois(search(q("doi:" + LIPID)))).containsExactly(LIPID);
        assertThat(dois(search(q(LIPID)))).containsExactly(LIPID);
        assertThat(dois(search(q("title:\"lipid droplets\"")))).containsExactly(LIPID);
        // The seed's title words, as a phrase in the title field and as an author's name.
        assertThat(search(q("title:\"International Criminal Court\"")).get("total").asLong()).isEqualTo(1);
        assertThat(search(q("author:Bloomfield")).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void facetsCountTheMatchesAndNarrowThem() throws Exception {
        JsonNode all = search("q=");
        assertThat(all.get("total").asLong()).isEqualTo(15);
        // Counted, not estimated: estimates start past a few thousand matches (SearchEstimateTests).
        assertThat(all.get("approximate").isBoolean()).isTrue();
        assertThat(all.get("approximate").asBoolean()).isFalse();
        long elife = count(all.get("facets").get("journal"), "eLife");
        assertThat(elife).isEqualTo(4);
        JsonNode narrowed = search("q=&journal=eLife");
        assertThat(narrowed.get("total").asLong()).isEqualTo(elife);
        narrowed.get("results").forEach(r -> assertThat(r.get("journal").asString()).isEqualTo("eLife"));
        assertThat(narrowed.get("facets").get("journal").get(0).get("selected").asBoolean()).isTrue();
        // Values of two dimensions narrow each other; every dimension is counted.
        assertThat(all.get("facets").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("journal", "year", "type", "subject", "licence");
        long commentaries = count(narrowed.get("facets").get("type"), "Article commentary");
        assertThat(commentaries).isEqualTo(2);
        assertThat(search("q=&journal=eLife&type=Article+commentary").get("total").asLong()).isEqualTo(2);
        long ccBy = count(all.get("facets").get("licence"), "CC BY 3.0");
        assertThat(ccBy).isPositive();
        assertThat(search("q=&licence=CC+BY+3.0").get("total").asLong()).isEqualTo(ccBy);
    }

    private static long count(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.get("value").asString().equals(value)) {
                return v.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void resultsArePagedAndSortable() throws Exception {
        JsonNode first = search("q=&size=4");
        assertThat(first.get("pages").asInt()).isEqualTo(4);
        JsonNode second = search("q=&size=4&page=2");
        assertThat(dois(second)).hasSize(4).doesNotContainAnyElementsOf(dois(first));
        assertThat(dois(search("q=&size=4&page=4"))).hasSize(3);

        JsonNode byDate = search("q=&sort=date&size=50");
        List<String> dates = new ArrayList<>();
        byDate.get("results").forEach(r -> dates.add(r.get("date").isNull() ? "" : r.get("date").asString()));
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(dates).isEqualTo(sorted);
        assertThat(byDate.get("sort").asString()).isEqualTo("date");
    }

    @Test
    void correctionsAreMarkedInResults() throws Exception {
        JsonNode answer = search(q("consortial licensing"));
        String corrected = null;
        String notice = null;
        for (JsonNode r : answer.get("results")) {
            if (r.get("doi").asString().equals("10.5555/jcpg.2025.005")) {
                corrected = r.get("notice").asString();
            }
            if (r.get("type").asString().equals("Correction")) {
                notice = r.get("notice").asString();
            }
        }
        assertThat(corrected).isEqualTo("Corrected");
        assertThat(notice).isEqualTo("Correction notice");
    }

    @Test
    void hostileQueriesGetAPlainAnswer() throws Exception {
        HttpResponse<String> tooLong = api(q("immunity ".repeat(1112)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json.readTree(tooLong.body()).get("detail").asString()).contains("10,007 characters").contains("500");

        for (String refused : List.of("*", "?", "* *", "*ology", "a*", "/.*/", "title:[a TO z]", "\"\"")) {
            HttpResponse<String> r = api(q(refused));
            assertThat(r.statusCode()).as(refused + " -> " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("detail").asString()).as(refused).isNotBlank();
        }

        JsonNode unbalanced = search(q("\"lipid droplets"));
        assertThat(unbalanced.get("note").asString()).contains("not closed");
        long plain = search(q("lipid droplets")).get("total").asLong();
        assertThat(plain).isPositive();
        assertThat(unbalanced.get("total").asLong()).isEqualTo(plain);
        assertThat(search(q("(lipid AND")).get("note").asString()).isNotBlank();
        assertThat(search(q("foo:lipid droplets")).get("total").asLong()).isZero(); // unknown field: a word
        assertThat(search("q=histone&page=-4&size=100000").get("page").asInt()).isEqualTo(1);
        // Markup in the query never reaches the page unescaped.
        HttpResponse<String> page = web.get("/search?" + q("<script>alert(1)</script> lipid"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        assertThat(web.get("/search?" + q("immunity ".repeat(1112))).statusCode()).isEqualTo(400);
        assertThat(web.get("/search?q=*").body()).contains("has none");
    }

    @Test
    void theSearchPageShowsResultsFacetsAndPages() throws Exception {
        HttpResponse<String> page = web.get("/search?q=&size=20");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("15 results").contains("Article type").contains("href=\"/search?q=&amp;journal=eLife\"");
        HttpResponse<String> found = web.get("/search?" + q("lipid droplets"));
        assertThat(found.body()).containsPattern("\\d+ results").contains("<mark>").contains("/doi/10.7554/eLife.00003");
        // The header of every page holds the search box.
        assertThat(web.get("/").body()).contains("role=\"search\"").contains("action=\"/search\"");
    }
}
