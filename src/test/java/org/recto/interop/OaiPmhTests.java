package org.recto.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** OAI-PMH over real HTTP: every verb, both formats, sets, dates, paging and every error, each response schema-valid. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "recto.interop.oai-page-size=4")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OaiPmhTests {

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
        DerivedData.await(derived);
        findInvalidSources();
    }

    /** Identifiers of the records whose source is not valid JATS 1.3 itself (checked against the official schema). */
    final java.util.Set<String> invalidSources = new java.util.HashSet<>();

    void findInvalidSources() {
        for (int i = 0; i < InteropFixtures.DEMO.size(); i++) {
            if (!InteropSchemas.errors(InteropSchemas.jats(), InteropFixtures.demo(InteropFixtures.DEMO.get(i))).isEmpty()) {
                invalidSources.add(identifier(String.format("10.5555/jcpg.2025.%03d", i + 1)));
            }
        }
    }

    /**
     * A response that must be a valid OAI-PMH document, payloads included. Two demo sources (006's APA
     * references put punctuation inside {@code <name>}, 009 has {@code <product>} out of place) are not valid
     * JATS 1.3 themselves; a page may show the errors that those records' own GetRecord shows, and no other.
     */
    Document oai(String query) {
        HttpResponse<String> response = InteropFixtures.get(port, "/oai?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        Document doc = InteropFixtures.dom(response.body());
        List<String> errors = new ArrayList<>(InteropSchemas.errors(InteropSchemas.oai(), response.body()).stream().map(OaiPmhTests::message).toList());
        if (!errors.isEmpty() && response.body().contains("http://www.ncbi.nlm.nih.gov/JATS1")) {
            for (String id : texts(doc, "//*[local-name()='record']/*[local-name()='header']/*[local-name()='identifier']")) {
                if (invalidSources.contains(id)) {
                    String own = InteropFixtures.get(port, "/oai?verb=GetRecord&metadataPrefix=jats&identifier=" + encode(id)).body();
                    errors.removeAll(InteropSchemas.errors(InteropSchemas.oai(), own).stream().map(OaiPmhTests::message).toList());
                }
            }
        }
        assertThat(errors).as(query).isEmpty();
        return doc;
    }

    private static String message(String error) {
        return error.replaceFirst("^line \\d+: ", "");
    }

    static List<String> texts(Document doc, String expression) {
        try {
            XPath xpath = XPathFactory.newDefaultInstance().newXPath();
            NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String errorCode(Document doc) {
        return doc.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/", "error").getLength() == 0 ? null
                : doc.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/", "error").item(0).getAttributes()
                        .getNamedItem("code").getNodeValue();
    }

    static String token(Document doc) {
        List<String> t = texts(doc, "//*[local-name()='resumptionToken']");
        return t.isEmpty() ? null : t.get(0);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void identifyDescribesTheRepository() {
        Document doc = oai("verb=Identify");
        assertThat(texts(doc, "//*[local-name()='protocolVersion']")).containsExactly("2.0");
        assertThat(texts(doc, "//*[local-name()='granularity']")).containsExactly("YYYY-MM-DDThh:mm:ssZ");
        assertThat(texts(doc, "//*[local-name()='deletedRecord']")).containsExactly("no");
        assertThat(texts(doc, "//*[local-name()='baseURL']").get(0)).endsWith("/oai");
        assertThat(texts(doc, "//*[local-name()='earliestDatestamp']").get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void bothFormatsAndSetsPerJournalAndType() {
        Document formats = oai("verb=ListMetadataFormats");
        assertThat(texts(formats, "//*[local-name()='metadataPrefix']")).containsExactly("oai_dc", "jats");
        Document sets = oai("verb=ListSets");
        assertThat(texts(sets, "//*[local-name()='setSpec']"))
                .contains("journal", "journal:JCPG", "journal:RIS", "type", "type:correction", "type:research-article");
        Document forOne = oai("verb=ListMetadataFormats&identifier=" + encode(identifier(InteropFixtures.SEED)));
        assertThat(texts(forOne, "//*[local-name()='metadataPrefix']")).hasSize(2);
    }

    String identifier(String doi) {
        return "oai:localhost:" + doi;
    }

    @Test
    void harvestsEveryRecordInBothFormatsThroughResumptionTokens() {
        for (String prefix : List.of("oai_dc", "jats")) {
            List<String> ids = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            Document page = oai("verb=ListRecords&metadataPrefix=" + prefix);
            while (true) {
                ids.addAll(texts(page, "//*[local-name()='record']/*[local-name()='header']/*[local-name()='identifier']"));
                cursors.addAll(texts(page, "//*[local-name()='resumptionToken']/@cursor"));
                String token = token(page);
                if (token == null || token.isEmpty()) {
                    break;
                }
                assertThat(texts(page, "//*[local-name()='resumptionToken']/@completeListSize")).containsExactly("12");
                page = oai("verb=ListRecords&resumptionToken=" + encode(token));
            }
            assertThat(ids).as(prefix).hasSize(12).doesNotHaveDuplicates()
                    .contains(identifier(InteropFixtures.SEED), identifier("10.5555/jcpg.2025.010"));
            assertThat(cursors).containsExactly("0", "4", "8");
        }
    }

    @Test
    void onlyTheDemoSourcesThatAreInvalidJatsGiveInvalidRecords() {
        assertThat(invalidSources).containsExactlyInAnyOrder(identifier("10.5555/jcpg.2025.006"), identifier("10.5555/jcpg.2025.009"));
        for (String id : invalidSources) {
            String own = InteropFixtures.get(port, "/oai?verb=GetRecord&metadataPrefix=jats&identifier=" + encode(id)).body();
            assertThat(InteropSchemas.errors(InteropSchemas.oai(), own)).as(id).isNotEmpty();
        }
    }

    @Test
    void recordsCarryDublinCoreAndTheJats() {
        Document dc = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + encode(identifier(InteropFixtures.SEED)));
        assertThat(texts(dc, "//*[local-name()='title']"))
                .containsExactly("African resistance to the International Criminal Court: Halting the advance of the anti-impunity norm");
        assertThat(texts(dc, "//*[local-name()='creator']")).contains("Mills, Kurt");
        assertThat(texts(dc, "//*[local-name()='identifier' and starts-with(., 'https://doi.org/')]"))
                .containsExactly("https://doi.org/10.1017/S0260210517000407");
        assertThat(texts(dc, "//*[local-name()='setSpec']")).contains("journal:RIS", "type:research-article");
        Document jats = oai("verb=GetRecord&metadataPrefix=jats&identifier=" + encode(identifier("10.5555/jcpg.2025.002")));
        assertThat(texts(jats, "//*[namespace-uri()='http://www.ncbi.nlm.nih.gov/JATS1' and local-name()='article-id']"))
                .contains("10.5555/jcpg.2025.002");
    }

    @Test
    void selectsBySetAndDates() {
        Document ris = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=journal:RIS");
        assertThat(texts(ris, "//*[local-name()='identifier']"))
                .containsExactlyInAnyOrder(identifier(InteropFixtures.SEED), identifier(InteropFixtures.SEED_CORRECTION));
        Document corrections = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:correction");
        assertThat(texts(corrections, "//*[local-name()='identifier']")).hasSize(2);
        String stamp = texts(ris, "//*[local-name()='datestamp']").get(0);
        Document until = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2000-01-01&until=" + stamp.substring(0, 10));
        assertThat(texts(until, "//*[local-name()='header']")).isNotEmpty();
        Document future = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01T00:00:00Z");
        assertThat(errorCode(future)).isEqualTo("noRecordsMatch");
        Document past = oai("verb=ListRecords&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z");
        assertThat(errorCode(past)).isEqualTo("noRecordsMatch");
    }

    @Test
    void everyErrorCodeWhereTheProtocolPrescribesIt() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "badVerb");
        cases.put("verb=Harvest", "badVerb");
        cases.put("verb=Identify&verb=Identify", "badVerb");
        cases.put("verb=Identify&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListRecords", "badArgument");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=jats", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2021-01-01T00:00:00Z", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument");
        cases.put("verb=ListRecords&resumptionToken=abc", "badResumptionToken");
        cases.put("verb=ListIdentifiers&resumptionToken=cjEKb2FpX2RjCgo.0", "badResumptionToken");
        cases.put("verb=ListSets&resumptionToken=abc", "badResumptionToken");
        cases.put("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat");
        cases.put("verb=GetRecord&metadataPrefix=mods&identifier=" + encode(identifier(InteropFixtures.SEED)), "cannotDisseminateFormat");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + encode(identifier("10.9999/nothing")), "idDoesNotExist");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=urn:isbn:123", "idDoesNotExist");
        cases.put("verb=ListMetadataFormats&identifier=" + encode(identifier("10.9999/nothing")), "idDoesNotExist");
        cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&set=journal:NOPE", "noRecordsMatch");
        // Hostile arguments are echoed as escaped text, and characters XML cannot carry are dropped: the answer stays valid.
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + encode("oai:localhost:\"/><x a='&\u0001\u0000"), "idDoesNotExist");
        cases.put("verb=ListRecords&resumptionToken=" + encode("]]><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"), "badResumptionToken");
        cases.forEach((query, code) -> {
            Document doc = oai(query);
            assertThat(errorCode(doc)).as(query).isEqualTo(code);
            if (code.equals("badVerb") || code.equals("badArgument")) {
                assertThat(doc.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/", "request").item(0)
                        .getAttributes().getLength()).as("no arguments echoed for " + query).isZero();
            }
        });
    }

    @Test
    void postAnswersAsGetDoes() {
        HttpResponse<String> post = InteropFixtures.postForm(port, "/oai",
                Map.of("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", identifier(InteropFixtures.SEED)));
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(InteropSchemas.errors(InteropSchemas.oai(), post.body())).isEmpty();
        assertThat(post.body()).contains("African resistance to the International Criminal Court");
        HttpResponse<String> bad = InteropFixtures.postForm(port, "/oai", Map.of("verb", "Nope"));
        assertThat(bad.body()).contains("code=\"badVerb\"");
    }
}
