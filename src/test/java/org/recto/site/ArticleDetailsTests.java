package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.recto.support.SmallArticle;
import org.recto.support.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a reader trips over on the landing page: affiliations, abstract headings, reference DOIs, related articles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleDetailsTests {

    static final String AFFILIATED = "10.5555/recto.affiliated";
    static final String TRACKED = "10.5555/recto.tracked";

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
        for (String file : new String[] {"elife00003.xml", "journal.pbio.0020188.xml", "journal.pbio.1001044.xml",
                "elife00302.xml"}) {
            assertThat(ingest.ingest(SharedData.read(SharedData.corpus(file)), file).ok()).as(file).isTrue();
        }
        // An affiliation whose parts the XML separates only by nesting and line breaks.
        String xml = new SmallArticle().doi(AFFILIATED).xml().replace("</name></contrib>",
                "</name><xref ref-type=\"aff\" rid=\"aff1\"/></contrib>").replace("</contrib-group>", """
                </contrib-group>
                <aff id="aff1">
                  <institution-wrap>
                    <institution content-type="dept">School of Social and Political Inquiry</institution>
                    <institution>University of Aldermoor</institution>
                    <institution-id institution-id-type="ror">https://ror.org/00aaaaa00</institution-id>
                  </institution-wrap>
                  <addr-line>Aldermoor</addr-line>
                  <country>United Kingdom</country>
                </aff>
                <aff id="aff2"><institution>Institut Pasteur</institution>, <addr-line>Paris</addr-line>, <country>France</country></aff>""");
        assertThat(ingest.ingest(xml.getBytes(StandardCharsets.UTF_8), "affiliated.xml").ok()).isTrue();
        assertThat(ingest.ingest(new SmallArticle().doi(TRACKED).body("""
                <p>Text<inline-graphic xlink:href="https://tracker.example/pixel.gif"/> and more.</p>
                <fig id="f1"><label>Figure 1</label><caption><p>A remote figure.</p></caption>
                <graphic xlink:href="http://images.example/f1.png"/></fig>
                <p><inline-graphic xlink:href="//cdn.example/x.png"/></p>""").bytes(), "tracked.xml").ok()).isTrue();
        DerivedData.await(derived);
    }

    Document page(String path) {
        var response = web.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void affiliationsAreBuiltWithTheSeparatorsAReaderExpects() {
        Document page = page("/doi/" + AFFILIATED);
        assertThat(page.select(".affiliations li").eachText()).containsExactly(
                "1 School of Social and Political Inquiry, University of Aldermoor, Aldermoor, United Kingdom ROR",
                "2 Institut Pasteur, Paris, France");
        // eLife writes its punctuation between the parts: kept as written, without doubling it.
        assertThat(page("/doi/10.7554/eLife.00003").select(".affiliations li").first().text())
                .isEqualTo("1 Department of Developmental and Cell Biology, University of California Irvine, Irvine, United States");
    }

    @Test
    void aTableOfContentsAbstractIsNotHeadedToc() {
        Document page = page("/doi/10.1371/journal.pbio.0020188");
        assertThat(page.select(".abstract h2").eachText()).doesNotContain("Toc").contains("In brief");
    }

    @Test
    void aReferenceDoiIsPrintedOnce() {
        Document page = page("/doi/10.1371/journal.pbio.1001044");
        String first = page.select("#references ol.references > li").first().text();
        assertThat(first).contains("10.1038/467S5a");
        assertThat(first.split("10\\.1038/467S5a", -1)).as(first).hasSize(2);
        assertThat(page.select("#references ol.references > li").first().select("a[href^=https://doi.org/]")).hasSize(1);
    }

    @Test
    void relatedArticlesOnThePlatformShowTheirTitles() {
        Document commented = page("/doi/10.7554/eLife.00003");
        assertThat(commented.select("[aria-labelledby=related-heading] a").eachText())
                .containsExactly(page("/doi/10.7554/eLife.00302").select("h1.article-title").text());
        // And the other way, although eLife.00302 was imported after the article that links to it.
        Document insight = page("/doi/10.7554/eLife.00302");
        assertThat(insight.select("[aria-labelledby=related-heading] a").eachText())
                .contains("A novel role for lipid droplets in the organismal antibacterial response");
    }

    @Test
    void imagesFromOtherSitesAreNotShown() {
        var response = web.get("/doi/" + TRACKED + "/full");
        Document full = Jsoup.parse(response.body());
        assertThat(full.select("img")).extracting(i -> i.attr("src")).noneMatch(src -> src.contains("example"));
        assertThat(full.select(".image-not-shown")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.text()).isEqualTo("An image from another site is not shown."));
        assertThat(response.body()).doesNotContain("tracker.example", "images.example");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("img-src 'self' data:;");
    }
}
