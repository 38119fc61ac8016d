package org.recto.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/** Crossref deposits over HTTP, each valid against the 5.3.1 schema: the seed article, its correction, a corpus article, an issue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recto.interop.crossmark-policy=10.5555/crossmark-policy", "recto.interop.crossmark-domain=journals.example.org"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossrefDepositTests {

    static final String CORPUS = "journal.pcbi.1003292.xml";
    static final String CORPUS_DOI = "10.1371/journal.pcbi.1003292";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    @BeforeAll
    void importArticles() {
        ArticleTables.deleteAll(jdbc);
        InteropFixtures.importAll(ingest);
        assertThat(ingest.ingest(SharedData.read(SharedData.corpus(CORPUS)), CORPUS).ok()).isTrue();
        DerivedData.await(derived);
    }

    Document deposit(String path) {
        HttpResponse<String> response = InteropFixtures.get(port, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(InteropSchemas.errors(InteropSchemas.crossref(), response.body())).as(path).isEmpty();
        return InteropFixtures.dom(response.body());
    }

    static List<String> texts(Document doc, String xpath) {
        return OaiPmhTests.texts(doc, xpath);
    }

    @Test
    void theCorrectionCarriesItsCrossmarkUpdate() {
        Document notice = deposit("/doi/" + InteropFixtures.SEED_CORRECTION + "/crossref.xml");
        assertThat(texts(notice, "//*[local-name()='crossmark_policy']")).containsExactly("10.5555/crossmark-policy");
        assertThat(texts(notice, "//*[local-name()='domain']")).containsExactly("journals.example.org");
        assertThat(texts(notice, "//*[local-name()='update']")).containsExactly(InteropFixtures.SEED);
        assertThat(texts(notice, "//*[local-name()='update']/@type")).containsExactly("correction");
        assertThat(texts(notice, "//*[local-name()='update']/@date")).containsExactly("2017-11-15");
        Document demo = deposit("/doi/10.5555/jcpg.2025.010/crossref.xml");
        assertThat(texts(demo, "//*[local-name()='update']")).containsExactly("10.5555/jcpg.2025.005");
    }

    @Test
    void theSeedArticleWithContributorsAbstractAndTheCitationsOfItsNotes() {
        Document seed = deposit("/doi/" + InteropFixtures.SEED + "/crossref.xml");
        assertThat(texts(seed, "//*[local-name()='journal_metadata']/*[local-name()='full_title']"))
                .containsExactly("Review of International Studies");
        assertThat(texts(seed, "//*[local-name()='person_name']/*[local-name()='surname']")).containsExactly("Mills", "Bloomfield");
        assertThat(texts(seed, "//*[local-name()='institution_name']")).anySatisfy(n -> assertThat(n).contains("Dundee"));
        assertThat(texts(seed, "//*[namespace-uri()='http://www.ncbi.nlm.nih.gov/JATS1' and local-name()='abstract']"))
                .singleElement().satisfies(a -> assertThat(a).contains("norm antipreneurs"));
        assertThat(texts(seed, "//*[local-name()='update']")).isEmpty();
        assertThat(texts(seed, "//*[local-name()='doi_data']/*[local-name()='resource']").get(0))
                .endsWith("/doi/10.1017/S0260210517000407");
        // Full references from the notes, not the Ibid. and short forms that point back at them.
        List<String> cited = texts(seed, "//*[local-name()='unstructured_citation']");
        assertThat(cited).hasSizeGreaterThan(50).noneMatch(c -> c.startsWith("Ibid"));
    }

    @Test
    void aCorpusArticleDepositsEachReferenceWithTheDoiTheParserFound() {
        Document doc = deposit("/doi/" + CORPUS_DOI + "/crossref.xml");
        assertThat(texts(doc, "//*[local-name()='citation']")).hasSize(68);
        List<String> dois = texts(doc, "//*[local-name()='citation']/*[local-name()='doi']");
        assertThat(dois).hasSizeGreaterThan(40).contains("10.1098/rspb.2012.0205", "10.1038/nature11336");
        assertThat(texts(doc, "//*[local-name()='ORCID']")).allSatisfy(o -> assertThat(o).startsWith("https://orcid.org/"));
    }

    /** The page's meta tags and JSON-LD carry the same references with their DOIs (Highwire, Dublin Core, schema.org). */
    @Test
    void pagesCarryReferencesWithDoisOrcidsAndDublinCore() throws Exception {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(InteropFixtures.get(port, "/doi/" + CORPUS_DOI).body());
        List<String> references = page.select("meta[name=citation_reference]").eachAttr("content");
        assertThat(references).hasSize(68);
        assertThat(references).filteredOn(r -> r.contains("citation_doi=10.")).hasSizeGreaterThan(40);
        assertThat(references).anySatisfy(r -> assertThat(r).contains("citation_title=").contains("citation_doi=10.1038/nature11336"));
        assertThat(page.select("meta[name=DC.title]").attr("content")).isNotBlank();
        assertThat(page.select("meta[name=DC.identifier]").attr("content")).isEqualTo("doi:" + CORPUS_DOI);
        assertThat(page.select("link[rel=schema.DC]")).hasSize(1);
        tools.jackson.databind.JsonNode ld = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(page.select("script[type=application/ld+json]").html());
        assertThat(ld.get("citation")).hasSize(68);
        assertThat(ld.get("citation").toString()).contains("\"@id\":\"https://doi.org/10.1038/nature11336\"");

        org.jsoup.nodes.Document demo = org.jsoup.Jsoup.parse(InteropFixtures.get(port, "/doi/10.5555/jcpg.2025.002").body());
        assertThat(demo.select("meta[name=citation_author_orcid]").eachAttr("content")).isNotEmpty()
                .allSatisfy(o -> assertThat(o).startsWith("https://orcid.org/"));
        assertThat(demo.select("meta[name=citation_reference]").eachAttr("content"))
                .anySatisfy(r -> assertThat(r).contains("citation_doi=10.5555/jcpg.2025.00"));
        assertThat(demo.select("meta[name=DC.creator]")).hasSize(3);
    }

    @Test
    void anIssueDepositHoldsItsArticles() {
        Document issue = deposit("/journals/JCPG/issues/3/2/crossref.xml");
        assertThat(texts(issue, "//*[local-name()='journal_article']/*[local-name()='doi_data']/*[local-name()='doi']"))
                .contains("10.5555/jcpg.2025.006", "10.5555/jcpg.2025.010").hasSize(5);
        assertThat(texts(issue, "//*[local-name()='journal_issue']/*[local-name()='issue']")).containsExactly("2");
        assertThat(texts(issue, "//*[local-name()='ORCID']")).isNotEmpty();
        // The licence as AccessIndicators, inside Crossmark's custom metadata.
        assertThat(texts(issue, "//*[local-name()='custom_metadata']/*[local-name()='program']/*[local-name()='license_ref']"))
                .hasSize(5).allSatisfy(l -> assertThat(l).startsWith("https://creativecommons.org/licenses/by/4.0"));
        assertThat(InteropFixtures.get(port, "/journals/JCPG/issues/9/9/crossref.xml").statusCode()).isEqualTo(404);
        assertThat(InteropFixtures.get(port, "/doi/10.9999/none/crossref.xml").statusCode()).isEqualTo(404);
    }
}
