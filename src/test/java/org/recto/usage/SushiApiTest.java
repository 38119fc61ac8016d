package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.ingest.JatsIngest;
import org.recto.usage.internal.EventWriter;
import org.recto.usage.internal.RollupService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The SUSHI 5.1 API end to end: events -> roll-up -> reports, every JSON response validated against the
 * COUNTER_SUSHI 5.1 OpenAPI schemas, and the numbers checked against the events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SushiApiTest extends AppTestBase {

    static final String CHROME = AbstractCountingTest.CHROME;
    static final String EXU_IP = "192.0.2.10";
    static final String OTHER_IP = "203.0.113.9";

    @Autowired
    MockMvc mvc;
    @Autowired
    UsageRecorder recorder;
    @Autowired
    RollupService rollup;
    @Autowired
    JatsIngest ingest;
    @Autowired
    ArticleCatalog catalog;

    ArticleSummary open;
    ArticleSummary open2;
    ArticleSummary controlled;

    YearMonth m1;
    YearMonth m2;
    String range;

    @BeforeAll
    void usage() throws Exception {
        importCorpus(ingest);
        open = summary(OPEN_DOI);
        open2 = summary(OPEN2_DOI);
        controlled = summary(CONTROLLED_DOI);
        m1 = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
        m2 = m1.plusMonths(1);
        range = "&begin_date=" + m1 + "&end_date=" + m2;
        Instant d1 = m1.atDay(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant d2 = m2.atDay(12).atTime(14, 0).toInstant(ZoneOffset.UTC);
        // Example University, month 1: abstract, HTML, PDF (double-clicked) of an Open eLife article; a denied PDF
        // of the Controlled PLoS Biology one. Month 2: HTML + PDF of another eLife article, a PDF of the PLoS one.
        view(d1, OPEN_DOI, UsageAction.ABSTRACT, EXU_IP, false);
        view(d1.plusSeconds(60), OPEN_DOI, UsageAction.FULL_TEXT_HTML, EXU_IP, false);
        view(d1.plusSeconds(120), OPEN_DOI, UsageAction.PDF, EXU_IP, false);
        view(d1.plusSeconds(125), OPEN_DOI, UsageAction.PDF, EXU_IP, false);
        view(d1.plusSeconds(300), CONTROLLED_DOI, UsageAction.PDF, EXU_IP, true);
        view(d2, OPEN2_DOI, UsageAction.FULL_TEXT_HTML, EXU_IP, false);
        view(d2.plusSeconds(60), OPEN2_DOI, UsageAction.PDF, EXU_IP, false);
        view(d2.plusSeconds(600), CONTROLLED_DOI, UsageAction.PDF, EXU_IP, false);
        // Searches of the platform (Searches_Platform): two by Example University in month 1, seconds apart (each
        // counts: double-click filtering is for items), one by someone outside it, and one by a robot.
        search(d1.plusSeconds(400), EXU_IP, CHROME);
        search(d1.plusSeconds(405), EXU_IP, CHROME);
        search(d1.plusSeconds(400), OTHER_IP, CHROME);
        search(d1.plusSeconds(400), EXU_IP, AbstractCountingTest.GOOGLEBOT);
        // Someone outside any institution, and a robot.
        view(d1, OPEN_DOI, UsageAction.ABSTRACT, OTHER_IP, false);
        recorder.record(new UsageRequest(d1, OPEN_DOI, UsageAction.PDF, EXU_IP, AbstractCountingTest.GOOGLEBOT, null, false));
        assertThat(((EventWriter) recorder).flush(Duration.ofSeconds(30))).isTrue();
        assertThat(rollup.run(s -> { }).ran()).isTrue();
    }

    private ArticleSummary summary(String doi) {
        return catalog.summaries(List.of(doi)).stream().findFirst().orElseThrow();
    }

    private void search(Instant at, String ip, String userAgent) {
        recorder.record(new UsageRequest(at, "", UsageAction.SEARCH, ip, userAgent, null, false));
    }

    private void view(Instant at, String doi, UsageAction action, String ip, boolean denied) {
        recorder.record(new UsageRequest(at, doi, action, ip, CHROME, null, denied));
    }

    private JsonNode getJson(String url, int status) throws Exception {
        // As a harvester sends it: already percent-encoded (| as %7C), not a template to expand.
        MockHttpServletResponse r = mvc.perform(get(java.net.URI.create(url))).andReturn().getResponse();
        assertThat(r.getStatus()).as(url + " -> " + r.getContentAsString()).isEqualTo(status);
        return SushiSchemas.JSON.readTree(r.getContentAsString());
    }

    private JsonNode report(String id, String query) throws Exception {
        JsonNode json = getJson("/sushi/r51/reports/" + id.toLowerCase() + "?customer_id=exu&api_key=" + EXU_KEY + range + query, 200);
        List<Error> errors = SushiSchemas.errors(id, json);
        assertThat(errors).as(id + query + " " + json).isEmpty();
        return json;
    }

    private static long count(JsonNode performance, String metric, YearMonth month) {
        JsonNode m = performance.get(metric);
        return m == null || m.get(month.toString()) == null ? 0 : m.get(month.toString()).asLong();
    }

    @Test
    void statusMembersAndReportListValidate() throws Exception {
        JsonNode status = getJson("/sushi/r51/status", 200);
        assertThat(status.isArray()).isTrue();
        assertThat(SushiSchemas.errors("Status", status.get(0))).isEmpty();
        assertThat(status.get(0).get("Service_Active").asBoolean()).isTrue();

        JsonNode members = getJson("/sushi/r51/members?customer_id=exu&api_key=" + EXU_KEY, 200);
        assertThat(SushiSchemas.errors("Member", members.get(0))).isEmpty();
        assertThat(members.get(0).get("Institution_Name").asString()).isEqualTo("Example University");

        JsonNode reports = getJson("/sushi/r51/reports?customer_id=exu&api_key=" + EXU_KEY, 200);
        List<String> ids = new ArrayList<>();
        for (JsonNode r : reports) {
            assertThat(SushiSchemas.errors("Report", r)).as(r.toString()).isEmpty();
            ids.add(r.get("Report_ID").asString());
        }
        assertThat(ids).contains("PR", "PR_P1", "TR", "TR_J1", "TR_J2", "TR_J3", "TR_J4", "IR", "IR_A1");
    }

    @Test
    void platformReports() throws Exception {
        JsonNode pr = report("PR", "&attributes_to_show=Access_Method");
        JsonNode perf = pr.get("Report_Items").get(0).get("Attribute_Performance").get(0);
        assertThat(perf.get("Data_Type").asString()).isEqualTo("Journal");
        assertThat(perf.get("Access_Method").asString()).isEqualTo("Regular");
        JsonNode p = perf.get("Performance");
        // m1: 3 investigations of the Open article + 1 denied; m2: HTML + PDF of the third article.
        assertThat(count(p, "Total_Item_Investigations", m1)).isEqualTo(4);
        assertThat(count(p, "Total_Item_Requests", m1)).isEqualTo(2);
        assertThat(count(p, "Unique_Item_Investigations", m1)).isEqualTo(2);
        assertThat(count(p, "Unique_Item_Requests", m1)).isEqualTo(1);
        assertThat(count(p, "Total_Item_Investigations", m2)).isEqualTo(3);
        assertThat(count(p, "Total_Item_Requests", m2)).isEqualTo(3);
        assertThat(count(p, "Unique_Item_Requests", m2)).isEqualTo(2);
        assertThat(p.has("Unique_Title_Requests")).isFalse();

        JsonNode p1 = report("PR_P1", "");
        JsonNode pp = p1.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance");
        assertThat(count(pp, "Total_Item_Requests", m1)).isEqualTo(2);
        assertThat(count(pp, "Unique_Item_Requests", m2)).isEqualTo(2);
    }

    @Test
    void platformReportsCountSearches() throws Exception {
        for (String id : List.of("PR", "PR_P1")) {
            JsonNode lines = report(id, "").get("Report_Items").get(0).get("Attribute_Performance");
            assertThat(lines).hasSize(2);
            JsonNode searches = lines.get(1);
            assertThat(searches.get("Data_Type").asString()).as(id).isEqualTo("Platform");
            assertThat(count(searches.get("Performance"), "Searches_Platform", m1)).as(id).isEqualTo(2);
            assertThat(count(searches.get("Performance"), "Searches_Platform", m2)).as(id).isZero();
            assertThat(lines.get(0).get("Performance").has("Searches_Platform")).isFalse();
        }
        String tsv = mvc.perform(get(java.net.URI.create("/sushi/r51/reports/pr.tsv?customer_id=exu&api_key=" + EXU_KEY
                + range))).andReturn().getResponse().getContentAsString();
        assertThat(tsv).contains("\tPlatform\tSearches_Platform\t2\t2\t0");
    }

    @Test
    void titleReports() throws Exception {
        JsonNode j3 = report("TR_J3", "");
        JsonNode items = j3.get("Report_Items");
        assertThat(items).hasSize(2);
        JsonNode elife = items.get(0); // sorted by title: eLife, PLoS Biology
        assertThat(elife.get("Title").asString()).isEqualTo(open.journal().title());
        assertThat(elife.get("Publisher").asString()).isEqualTo(open.journal().publisher());
        assertThat(elife.get("Item_ID").get("Online_ISSN").asString()).isEqualTo("2050-084X");
        assertThat(elife.get("Attribute_Performance")).hasSize(1);
        JsonNode openPerf = elife.get("Attribute_Performance").get(0);
        assertThat(openPerf.get("Access_Type").asString()).isEqualTo("Open");
        assertThat(count(openPerf.get("Performance"), "Total_Item_Investigations", m1)).isEqualTo(3);
        assertThat(count(openPerf.get("Performance"), "Total_Item_Requests", m1)).isEqualTo(2);
        assertThat(count(openPerf.get("Performance"), "Unique_Item_Requests", m1)).isEqualTo(1);
        assertThat(count(openPerf.get("Performance"), "Total_Item_Requests", m2)).isEqualTo(2);
        JsonNode plos = items.get(1);
        assertThat(plos.get("Title").asString()).isEqualTo(controlled.journal().title());
        JsonNode ctrl = plos.get("Attribute_Performance").get(0);
        assertThat(ctrl.get("Access_Type").asString()).isEqualTo("Controlled");
        assertThat(count(ctrl.get("Performance"), "Total_Item_Investigations", m1)).as("the denied attempt").isEqualTo(1);
        assertThat(count(ctrl.get("Performance"), "Total_Item_Requests", m1)).isZero();
        assertThat(count(ctrl.get("Performance"), "Total_Item_Requests", m2)).isEqualTo(1);

        JsonNode tr = report("TR", "&attributes_to_show=YOP%7CAccess_Type&metric_type=Total_Item_Requests%7CNo_License");
        assertThat(tr.get("Report_Header").get("Report_Filters").get("Metric_Type")).hasSize(2);
        JsonNode elifeLine = tr.get("Report_Items").get(0).get("Attribute_Performance").get(0);
        assertThat(elifeLine.get("YOP").asString()).isEqualTo(String.valueOf(open.publicationDate().year()));
        assertThat(count(elifeLine.get("Performance"), "Total_Item_Requests", m1)).isEqualTo(2);
        assertThat(count(elifeLine.get("Performance"), "No_License", m1))
                .as("stated as an explicit 0: the schema wants two metrics").isZero();
        assertThat(elifeLine.get("Performance").get("No_License")).isNotNull();

        JsonNode j2 = report("TR_J2", "");
        assertThat(j2.get("Report_Items")).hasSize(1);
        assertThat(count(j2.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance"), "No_License", m1)).isEqualTo(1);
        JsonNode j1 = report("TR_J1", "");
        assertThat(j1.get("Report_Items")).hasSize(1); // only PLoS Biology has Controlled requests
        assertThat(j1.get("Report_Items").get(0).get("Title").asString()).isEqualTo(controlled.journal().title());
        JsonNode j4 = report("TR_J4", "");
        assertThat(j4.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("YOP").asString())
                .isEqualTo(String.valueOf(controlled.publicationDate().year()));
    }

    @Test
    void itemReports() throws Exception {
        JsonNode a1 = report("IR_A1", "");
        JsonNode parents = a1.get("Report_Items");
        assertThat(parents).hasSize(2);
        assertThat(parents.get(0).get("Title").asString()).isEqualTo(open.journal().title());
        JsonNode elifeItems = parents.get(0).get("Items");
        assertThat(elifeItems).hasSize(2);
        JsonNode article = null;
        for (JsonNode a : elifeItems) {
            if (a.get("Item_ID").get("DOI").asString().equalsIgnoreCase(OPEN_DOI)) {
                article = a;
            }
        }
        assertThat(article).isNotNull();
        assertThat(article.get("Item").asString()).isEqualTo(open.titleText());
        assertThat(article.get("Authors").size()).isBetween(1, 3);
        assertThat(article.get("Authors").get(0).get("Name").asString()).isEqualTo(open.authorNames().get(0));
        JsonNode perf = article.get("Attribute_Performance").get(0);
        assertThat(perf.get("Access_Type").asString()).isEqualTo("Open");
        assertThat(count(perf.get("Performance"), "Total_Item_Requests", m1)).isEqualTo(2);
        assertThat(count(perf.get("Performance"), "Unique_Item_Requests", m1)).isEqualTo(1);
        JsonNode pbio = parents.get(1).get("Items").get(0);
        assertThat(pbio.get("Item_ID").get("DOI").asString()).isEqualToIgnoringCase(CONTROLLED_DOI);
        assertThat(count(pbio.get("Attribute_Performance").get(0).get("Performance"), "Total_Item_Requests", m2)).isEqualTo(1);

        JsonNode ir = report("IR", "&attributes_to_show=Authors%7CPublication_Date%7CArticle_Version%7CYOP%7CAccess_Type%7CAccess_Method&include_parent_details=True");
        assertThat(ir.get("Report_Items").get(0).get("Data_Type").asString()).isEqualTo("Journal");
        JsonNode first = ir.get("Report_Items").get(1).get("Items").get(0).get("Attribute_Performance").get(0);
        assertThat(first.get("YOP").asString()).isEqualTo(String.valueOf(controlled.publicationDate().year()));
        assertThat(first.get("Access_Method").asString()).isEqualTo("Regular");
        JsonNode flat = report("IR", "&item_id=" + OPEN_DOI + "&granularity=Total");
        JsonNode only = flat.get("Report_Items").get(0).get("Items");
        assertThat(only).hasSize(1);
        assertThat(count(only.get(0).get("Attribute_Performance").get(0).get("Performance"), "Total_Item_Requests", m1))
                .as("Granularity=Total puts the period's total under its first month").isEqualTo(2);
    }

    @Test
    void theWorldSeesEveryonesUsage() throws Exception {
        JsonNode pr = getJson("/sushi/r51/reports/pr?customer_id=" + "0000000000000000" + "&api_key=" + WORLD_KEY + range, 200);
        assertThat(SushiSchemas.errors("PR", pr)).isEmpty();
        JsonNode p = pr.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance");
        assertThat(count(p, "Total_Item_Investigations", m1)).isEqualTo(5);
        JsonNode searches = pr.get("Report_Items").get(0).get("Attribute_Performance").get(1).get("Performance");
        assertThat(count(searches, "Searches_Platform", m1)).isEqualTo(3);
    }

    @Test
    void errorsAreCounterExceptions() throws Exception {
        String base = "/sushi/r51/reports/pr?";
        expectException(base + "api_key=" + EXU_KEY + range, 400, 1030);
        expectException(base + "customer_id=exu" + range, 401, 2020);
        expectException(base + "customer_id=exu&api_key=wrong" + range, 401, 2020);
        expectException(base + "customer_id=nobody&api_key=x" + range, 403, 2010);
        expectException(base + "customer_id=kc&api_key=x" + range, 401, 2000);
        expectException(base + "customer_id=exu&api_key=" + EXU_KEY + "&begin_date=2024-13&end_date=2024-12", 400, 3020);
        expectException(base + "customer_id=exu&api_key=" + EXU_KEY + "&begin_date=" + m2 + "&end_date=" + m1, 400, 3020);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        expectException(base + "customer_id=exu&api_key=" + EXU_KEY + "&begin_date=" + now + "&end_date=" + now, 400, 3020);
        expectException("/sushi/r51/members?api_key=x", 400, 1030);
        assertThat(mvc.perform(get("/sushi/r51/reports/dr?customer_id=exu&api_key=" + EXU_KEY + range)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    private void expectException(String url, int status, int code) throws Exception {
        JsonNode e = getJson(url, status);
        assertThat(e.get("Code").asInt()).as(url).isEqualTo(code);
        assertThat(SushiSchemas.errors("Exception_" + code, e)).as(e.toString()).isEmpty();
    }

    @Test
    void warningsGoIntoTheHeader() throws Exception {
        JsonNode r = report("TR", "&metric_type=Total_Item_Requests%7CUnique_Item_Requests%7CBogus_Metric&foo=bar&attributes_to_show=Colour");
        List<Integer> codes = new ArrayList<>();
        r.get("Report_Header").get("Exceptions").forEach(e -> codes.add(e.get("Code").asInt()));
        assertThat(codes).containsExactly(3050, 3060, 3062);

        YearMonth before = m1.minusMonths(12);
        JsonNode empty = getJson("/sushi/r51/reports/tr_j3?customer_id=exu&api_key=" + EXU_KEY + "&begin_date=" + before
                + "&end_date=" + before, 200);
        assertThat(SushiSchemas.errors("TR_J3", empty)).isEmpty();
        assertThat(empty.get("Report_Items")).isEmpty();
        assertThat(empty.get("Report_Header").get("Exceptions").get(0).get("Code").asInt()).isEqualTo(3030);

        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        JsonNode notReady = getJson("/sushi/r51/reports/ir_a1?customer_id=exu&api_key=" + EXU_KEY + "&begin_date=" + m1
                + "&end_date=" + YearMonth.now(ZoneOffset.UTC).plusMonths(1), 200);
        assertThat(SushiSchemas.errors("IR_A1", notReady)).isEmpty();
        assertThat(notReady.get("Report_Header").get("Exceptions").get(0).get("Code").asInt()).isEqualTo(3031);
        assertThat(notReady.get("Report_Items")).isNotEmpty();
        assertThat(last).isAfter(m2);
    }

    @Test
    void theSameReportDownloadsAsTabSeparatedValues() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/sushi/r51/reports/tr_j3.tsv?customer_id=exu&api_key=" + EXU_KEY + range))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/tab-separated-values");
        String[] lines = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFReport_Name\tJournal Usage by Access Type");
        assertThat(lines[1]).isEqualTo("Report_ID\tTR_J3");
        assertThat(lines[5]).isEqualTo("Metric_Types\tTotal_Item_Investigations; Total_Item_Requests; Unique_Item_Investigations; Unique_Item_Requests");
        assertThat(lines[6]).isEqualTo("Report_Filters\tData_Type=Journal; Access_Method=Regular");
        assertThat(lines[9]).isEqualTo("Reporting_Period\tBegin_Date=" + m1.atDay(1) + "; End_Date=" + m2.atEndOfMonth());
        assertThat(lines[13]).isEmpty();
        String monthCols = "\t" + month(m1) + "\t" + month(m2);
        assertThat(lines[14]).isEqualTo("Title\tPublisher\tPublisher_ID\tPlatform\tDOI\tProprietary_ID\tPrint_ISSN\tOnline_ISSN\tURI"
                + "\tAccess_Type\tMetric_Type\tReporting_Period_Total" + monthCols);
        assertThat(lines).contains(open.journal().title() + "\t" + open.journal().publisher() + "\t\tRecto\t\tRecto:"
                + open.journal().key() + "\t\t2050-084X\t\tOpen\tTotal_Item_Investigations\t5\t3\t2");
        // No zero rows: the eLife line has no No_License, PLoS Biology's Controlled line no month-1 requests.
        assertThat(lines).noneMatch(l -> l.contains("No_License"));
        assertThat(lines).anyMatch(l -> l.startsWith(controlled.journal().title()) && l.contains("Controlled\tTotal_Item_Requests\t1\t0\t1"));
    }

    private static String month(YearMonth m) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM-yyyy", java.util.Locale.ENGLISH).format(m);
    }
}
