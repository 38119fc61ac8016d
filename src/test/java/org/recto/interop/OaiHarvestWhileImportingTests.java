package org.recto.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.recto.article.ArticleTables;
import org.recto.ingest.JatsIngest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/**
 * A 300-article harvest paged 25 at a time while new articles, and new versions of articles the harvest
 * has not reached yet and of some it has, are imported between its requests: every one of the 300 comes
 * exactly once, and the next incremental harvest (from the first one's responseDate) brings what came in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "recto.interop.oai-page-size=25")
class OaiHarvestWhileImportingTests {

    private static final String TEMPLATE_DOI = "10.5555/jcpg.2025.001";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;

    byte[] article(String doi, String title) {
        String xml = new String(InteropFixtures.demo("01-editorial-tending.xml"), StandardCharsets.UTF_8).replace(TEMPLATE_DOI, doi);
        if (title != null) {
            xml = xml.replaceFirst("<article-title>", "<article-title>" + title + " ");
        }
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    void store(String doi, String title) {
        assertThat(ingest.ingest(article(doi, title), doi).ok()).as(doi).isTrue();
    }

    Document page(String query) {
        HttpResponse<String> response = InteropFixtures.get(port, "/oai?" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(InteropSchemas.errors(InteropSchemas.oai(), response.body())).as(query).isEmpty();
        return InteropFixtures.dom(response.body());
    }

    @Test
    void noRecordIsLostOrRepeatedWhileArticlesAreImported() {
        ArticleTables.deleteAll(jdbc);
        assertThat(OaiPmhTests.errorCode(page("verb=ListSets"))).isEqualTo("noSetHierarchy");
        assertThat(OaiPmhTests.errorCode(page("verb=ListRecords&metadataPrefix=oai_dc"))).isEqualTo("noRecordsMatch");
        assertThat(OaiPmhTests.errorCode(page("verb=ListRecords&metadataPrefix=oai_dc&set=journal:JCPG"))).isEqualTo("noSetHierarchy");

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String doi = String.format("10.5555/harvest.%03d", i);
            store(doi, null);
            expected.add("oai:localhost:" + doi);
        }

        List<String> harvested = new ArrayList<>();
        Set<String> arrivedDuring = new HashSet<>();
        Document page = page("verb=ListRecords&metadataPrefix=oai_dc");
        String responseDate = OaiPmhTests.texts(page, "//*[local-name()='responseDate']").get(0);
        int pages = 0;
        while (true) {
            pages++;
            harvested.addAll(OaiPmhTests.texts(page, "//*[local-name()='header']/*[local-name()='identifier']"));
            assertThat(OaiPmhTests.texts(page, "//*[local-name()='resumptionToken']/@completeListSize")).containsExactly("300");
            // Between requests: new articles, a new version of one the harvest has passed and of one it has not reached.
            for (int j = 0; j < 5; j++) {
                String doi = String.format("10.5555/harvest.new.%02d.%d", pages, j);
                store(doi, null);
                arrivedDuring.add("oai:localhost:" + doi);
            }
            store(String.format("10.5555/harvest.%03d", (pages - 1) * 25), "Revised " + pages);
            store(String.format("10.5555/harvest.%03d", 299 - pages), "Revised " + pages);
            String token = OaiPmhTests.token(page);
            if (token == null || token.isEmpty()) {
                break;
            }
            page = page("verb=ListRecords&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        assertThat(pages).isEqualTo(12);
        assertThat(harvested).hasSize(300).doesNotHaveDuplicates();
        assertThat(new HashSet<>(harvested)).isEqualTo(expected);

        // The next harvest, from the first one's responseDate, brings what was imported meanwhile.
        Set<String> next = new HashSet<>();
        Document more = page("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + responseDate);
        while (true) {
            next.addAll(OaiPmhTests.texts(more, "//*[local-name()='header']/*[local-name()='identifier']"));
            String token = OaiPmhTests.token(more);
            if (token == null || token.isEmpty()) {
                break;
            }
            more = page("verb=ListIdentifiers&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        assertThat(next).containsAll(arrivedDuring).contains("oai:localhost:10.5555/harvest.000", "oai:localhost:10.5555/harvest.298");
    }
}
