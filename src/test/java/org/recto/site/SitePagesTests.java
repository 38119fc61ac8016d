package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every reader's page over real HTTP, against the seed article, its correction and a corpus article. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitePagesTests {

    static final String SEED = "/doi/10.1017/S0260210517000407";
    static final String CORRECTION = "/doi/10.5555/recto.fixture.correction.1";

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
        for (String file : new String[] {"mills-bloomfield-2018.xml", "mills-bloomfield-2018-correction.xml"}) {
            assertThat(ingest.ingest(SharedData.read(SharedData.seed(file)), file).ok()).isTrue();
        }
        assertThat(ingest.ingest(SharedData.read(SharedData.corpus("elife00003.xml")), "elife00003.xml").ok()).isTrue();
        DerivedData.await(derived);
    }

    Document page(String path) {
        HttpResponse<String> response = web.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        return Jsoup.parse(response.body(), web.url(path));
    }

    @Test
    void homeListsTheJournals() {
        Document home = page("/");
        assertThat(home.select("h2.card-title a").eachText()).containsExactly("eLife", "Review of International Studies");
        assertThat(home.select("h2.card-title a").last().attr("href")).isEqualTo("/journals/RIS");
    }

    @Test
    void journalPageListsIssuesAndLatestArticles() {
        Document journal = page("/journals/RIS");
        assertThat(journal.select("h1").text()).isEqualTo("Review of International Studies");
        assertThat(journal.select(".issue-list a").eachText()).containsExactly("Volume 44, Issue 1");
        assertThat(journal.select(".article-list-title a").eachAttr("href")).contains(SEED, CORRECTION);
    }

    @Test
    void issuePageIsATableOfContents() {
        Document issue = page("/journals/RIS/issues/44/1");
        assertThat(issue.select("h1").text()).startsWith("Volume 44, Issue 1");
        assertThat(issue.select(".article-list-item")).hasSize(2);
        assertThat(web.get("/journals/RIS/issues/99/9").statusCode()).isEqualTo(404);
        assertThat(web.get("/journals/NOPE").statusCode()).isEqualTo(404);
    }

    @Test
    void landingPageShowsWhatTheSeedPageShows() {
        Document page = page(SEED);
        assertThat(page.select("h1.article-title").text())
                .isEqualTo("African resistance to the International Criminal Court: Halting the advance of the anti-impunity norm");
        // Authors with affiliation markers linking to the affiliations.
        Element mills = page.select(".authors .author").first();
        assertThat(mills.select(".author-name").text()).isEqualTo("Kurt Mills");
        assertThat(mills.select(".marker a").eachText()).contains("a1");
        String affHref = mills.select(".marker a").first().attr("href");
        assertThat(page.select(affHref)).singleElement()
                .satisfies(aff -> assertThat(aff.text()).contains("University of Dundee"));
        // The correction notice links to the notice.
        assertThat(page.select(".notice-correction").text()).contains("Please note a correction has been issued for this article.");
        assertThat(page.select(".notice-correction a").attr("href")).isEqualTo(CORRECTION);
        // Abstract, keywords, citation facts, DOI and the way to the full text.
        assertThat(page.select(".abstract h2").text()).isEqualTo("Abstract");
        assertThat(page.select(".abstract").text()).contains("norm antipreneurs");
        assertThat(page.select(".keywords li")).hasSize(6);
        assertThat(page.select(".facts").text()).contains("Review of International Studies", "44", "101–127",
                "23 August 2017", "https://doi.org/10.1017/S0260210517000407");
        assertThat(page.select("a.button").eachText()).contains("View HTML");
        // Corresponding authors.
        assertThat(page.select(".correspondence li")).hasSize(2);
        assertThat(page.select(".correspondence").text()).contains("Scrymgeour Building", "35 Stirling Highway");
        // All 140 notes, numbered, inside a Hide all / Show all control that needs no script.
        assertThat(page.select("#notes ol.notes > li")).hasSize(140);
        assertThat(page.select("#notes ol.notes > li").get(7).select(".note-label, .backref > a").eachText())
                .containsExactly("8", "Ibid., p. 312.");
        assertThat(page.select("#notes details[open] > summary").text()).contains("Hide all", "Show all");
    }

    @Test
    void landingPageCarriesScholarMetaTagsAndJsonLd() {
        Document page = page(SEED);
        assertThat(page.select("meta[name=citation_title]").attr("content")).startsWith("African resistance");
        assertThat(page.select("meta[name=citation_author]").eachAttr("content")).containsExactly("Mills, Kurt", "Bloomfield, Alan");
        assertThat(page.select("meta[name=citation_publication_date]").attr("content")).isEqualTo("2017/08/23");
        assertThat(page.select("meta[name=citation_journal_title]").attr("content")).isEqualTo("Review of International Studies");
        assertThat(page.select("meta[name=citation_firstpage]").attr("content")).isEqualTo("101");
        assertThat(page.select("meta[name=citation_doi]").attr("content")).isEqualTo("10.1017/S0260210517000407");

        JsonNode ld = JsonMapper.builder().build().readTree(page.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asString()).isEqualTo("ScholarlyArticle");
        assertThat(ld.get("author")).hasSize(2);
        assertThat(ld.get("author").get(0).get("familyName").asString()).isEqualTo("Mills");
        assertThat(ld.get("isPartOf").get("issueNumber").asString()).isEqualTo("1");
        assertThat(ld.get("datePublished").asString()).isEqualTo("2017-08-23");
    }

    @Test
    void theCorrectionLinksBackToTheArticle() {
        Document notice = page(CORRECTION);
        assertThat(notice.select(".notice-corrects").text()).contains("This is a correction to:");
        assertThat(notice.select(".notice-corrects a").attr("href")).isEqualTo(SEED);
    }

    @Test
    void fullTextAndJatsSource() {
        Document full = page("/doi/10.7554/eLife.00003/full");
        assertThat(full.select(".body-text section").size()).isGreaterThan(3);
        assertThat(full.select("#references ol.references > li")).hasSize(44);

        HttpResponse<String> jats = web.get(SEED + "/jats");
        assertThat(jats.statusCode()).isEqualTo(200);
        assertThat(jats.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(jats.body()).isEqualTo(new String(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), StandardCharsets.UTF_8));
    }

    @Test
    void unknownDoiIsAFriendly404() {
        HttpResponse<String> response = web.get("/doi/10.9999/does-not-exist");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).contains("could not find");
    }

    @Test
    void scriptInAnArticleNeverReachesThePage() {
        String hostile = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018-correction.xml")), StandardCharsets.UTF_8)
                .replace("10.5555/recto.fixture.correction.1", "10.5555/recto.hostile")
                .replace("<article-title>", "<article-title><script>alert('t')</script><ext-link xlink:href=\"javascript:alert(1)\">x</ext-link>")
                .replace("<body>", "<body><p onclick=\"alert(2)\">Body<script>alert(3)</script></p>");
        assertThat(ingest.ingest(hostile.getBytes(StandardCharsets.UTF_8), "hostile.xml").ok()).isTrue();

        for (String path : new String[] {"/doi/10.5555/recto.hostile", "/doi/10.5555/recto.hostile/full"}) {
            Document page = page(path);
            // The page's own scripts (static files, allowed by the CSP) are the only ones.
            assertThat(page.select("script:not([type=application/ld+json])").eachAttr("src")).as(path)
                    .containsExactly("/js/recto.js", "/js/delivery.js");
            assertThat(page.select("script:not([src])").eachAttr("type")).containsOnly("application/ld+json");
            assertThat(page.select("[onclick]")).isEmpty();
            assertThat(page.select("a[href^=javascript]")).isEmpty();
            assertThat(page.select("script[type=application/ld+json]").html()).doesNotContain("<script");
        }
    }

    @Test
    void aJavascriptLicenceUrlReachesNoLinkMetaTagOrJsonLd() {
        String hostile = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018-correction.xml")), StandardCharsets.UTF_8)
                .replace("10.5555/recto.fixture.correction.1", "10.5555/recto.licence")
                .replace("</article-meta>", "<permissions><license xlink:href=\"javascript:alert(document.domain)\">"
                        + "<license-p>Free to read.</license-p></license></permissions></article-meta>");
        assertThat(ingest.ingest(hostile.getBytes(StandardCharsets.UTF_8), "licence.xml").ok()).isTrue();
        DerivedData.await(derived);

        Document page = page("/doi/10.5555/recto.licence");
        assertThat(page.text()).contains("Free to read.");
        assertThat(page.html().toLowerCase()).doesNotContain("javascript:");
        for (Element e : page.select("[href], [content], [src]")) {
            for (String attr : new String[] {"href", "content", "src"}) {
                assertThat(e.attr(attr).toLowerCase().replaceAll("\\s", "")).doesNotContain("javascript:");
            }
        }
        assertThat(page.select("script[type=application/ld+json]").html()).doesNotContain("\"license\"");
    }

    @Test
    void canonicalLinksAreAbsolute() {
        for (String path : new String[] {SEED, SEED + "/full"}) {
            Document page = page(path);
            String canonical = page.selectFirst("link[rel=canonical]").attr("href");
            assertThat(canonical).as(path).matches("https?://[^/]+" + java.util.regex.Pattern.quote(path));
            assertThat(canonical).startsWith(page.selectFirst("meta[name=citation_abstract_html_url]").attr("content"));
        }
    }
}

