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

    YearMonth m1;
    YearMonth m2;
    String range;

    @BeforeAll
    void usage() throws Exception {
        m1 = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
        m2 = m1.plusMonths(1);
        range = "&begin_date=" + m1 + "&end_date=" + m2;
        Instant d1 = m1.atDay(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant d2 = m2.atDay(12).atTime(14, 0).toInstant(ZoneOffset.UTC);
        // Example University: abstract, HTML, PDF of the Open article; a denied PDF of a Controlled one.
        view(d1, TestCatalog.OPEN_DOI, UsageAction.ABSTRACT, EXU_IP, "s1", false);
        view(d1.plusSeconds(60), TestCatalog.OPEN_DOI, UsageAction.FULL_TEXT_HTML, EXU_IP, "s1", false);
        view(d1.plusSeconds(120), TestCatalog.OPEN_DOI, UsageAction.PDF, EXU_IP, "s1", false);
        view(d1.plusSeconds(125), TestCatalog.OPEN_DOI, UsageAction.PDF, EXU_IP, "s1", false); // double-click
        view(d1.plusSeconds(300), TestCatalog.CONTROLLED_DOI, UsageAction.PDF, EXU_IP, "s2", true);
        view(d2, TestCatalog.SLASH_DOI, UsageAction.FULL_TEXT_HTML, EXU_IP, "s3", false);
        view(d2.plusSeconds(60), TestCatalog.SLASH_DOI, UsageAction.PDF, EXU_IP, "s3", false);
        // Someone outside any institution, and a robot.
        view(d1, TestCatalog.OPEN_DOI, UsageAction.ABSTRACT, OTHER_IP, "s4", false);
        recorder.record(new UsageRequest(d1, TestCatalog.OPEN_DOI, UsageAction.PDF, EXU_IP,
                AbstractCountingTest.GOOGLEBOT, null, false));
        assertThat(((EventWriter) recorder).flush(Duration.ofSeconds(30))).isTrue();
        assertThat(rollup.run(s -> { }).ran()).isTrue();
    }

    private void view(Instant at, String doi, UsageAction action, String ip, String session, boolean denied) {
        recorder.record(new UsageRequest(at, doi, action, ip, CHROME, session, denied));
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
        assertThat(count(p, "Total_Item_Requests", m2)).isEqualTo(2);
        assertThat(p.has("Unique_Title_Requests")).isFalse();

        JsonNode p1 = report("PR_P1", "");
        JsonNode pp = p1.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance");
        assertThat(count(pp, "Total_Item_Requests", m1)).isEqualTo(2);
        assertThat(count(pp, "Unique_Item_Requests", m2)).isEqualTo(1);
    }

    @Test
    void titleReports() throws Exception {
        JsonNode j3 = report("TR_J3", "");
        JsonNode items = j3.get("Report_Items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("Title").asString()).isEqualTo("Journal B"); // sorted by title
        JsonNode jia = items.get(1);
        assertThat(jia.get("Title").asString()).isEqualTo("Journal of International Affairs");
        assertThat(jia.get("Item_ID").get("Online_ISSN").asString()).isEqualTo("1469-9044");
        JsonNode controlled = jia.get("Attribute_Performance").get(0);
        JsonNode open = jia.get("Attribute_Performance").get(1);
        assertThat(controlled.get("Access_Type").asString()).isEqualTo("Controlled");
        assertThat(count(controlled.get("Performance"), "Total_Item_Investigations", m1)).isEqualTo(1);
        assertThat(count(controlled.get("Performance"), "Total_Item_Requests", m1)).isZero();
        assertThat(open.get("Access_Type").asString()).isEqualTo("Open");
        assertThat(count(open.get("Performance"), "Total_Item_Investigations", m1)).isEqualTo(3);
        assertThat(count(open.get("Performance"), "Unique_Item_Requests", m1)).isEqualTo(1);

        JsonNode tr = report("TR", "&attributes_to_show=YOP%7CAccess_Type&metric_type=Total_Item_Requests%7CUnique_Item_Requests%7CNo_License");
        assertThat(tr.get("Report_Header").get("Report_Filters").get("Metric_Type")).hasSize(3);
        JsonNode deniedOnly = tr.get("Report_Items").get(1).get("Attribute_Performance").get(1);
        assertThat(deniedOnly.get("Access_Type").asString()).isEqualTo("Controlled");
        assertThat(count(deniedOnly.get("Performance"), "No_License", m1)).isEqualTo(1);
        assertThat(count(deniedOnly.get("Performance"), "Total_Item_Requests", m1))
                .as("stated as an explicit 0: the schema wants two metrics").isZero();
        JsonNode j2 = report("TR_J2", "");
        assertThat(count(j2.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance"), "No_License", m1)).isEqualTo(1);
        JsonNode j1 = report("TR_J1", "");
        assertThat(j1.get("Report_Items")).hasSize(1); // only Journal B has Controlled requests
        assertThat(j1.get("Report_Items").get(0).get("Title").asString()).isEqualTo("Journal B");
        JsonNode j4 = report("TR_J4", "");
        assertThat(j4.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("YOP").asString()).isEqualTo("2020");
    }

    @Test
    void itemReports() throws Exception {
        JsonNode a1 = report("IR_A1", "");
        JsonNode parents = a1.get("Report_Items");
        assertThat(parents).hasSize(2);
        JsonNode article = parents.get(1).get("Items").get(0); // Journal B sorts first
        assertThat(article.get("Item_ID").get("DOI").asString()).isEqualTo(TestCatalog.OPEN_DOI);
        assertThat(article.get("Item").asString()).isEqualTo("Open article");
        assertThat(article.get("Publication_Date").asString()).isEqualTo("2017-08-23");
        JsonNode perf = article.get("Attribute_Performance").get(0);
        assertThat(perf.get("Access_Type").asString()).isEqualTo("Open");
        assertThat(count(perf.get("Performance"), "Total_Item_Requests", m1)).isEqualTo(2);
        assertThat(count(perf.get("Performance"), "Unique_Item_Requests", m1)).isEqualTo(1);
        JsonNode slash = parents.get(0).get("Items").get(0);
        assertThat(slash.get("Item_ID").get("DOI").asString()).isEqualTo(TestCatalog.SLASH_DOI);
        assertThat(slash.get("Authors")).hasSize(3); // at most three, as the schema says

        JsonNode ir = report("IR", "&attributes_to_show=Authors%7CPublication_Date%7CArticle_Version%7CYOP%7CAccess_Type%7CAccess_Method&include_parent_details=True");
        assertThat(ir.get("Report_Items").get(0).get("Data_Type").asString()).isEqualTo("Journal");
        // Items sort by title: "Controlled article" (2018, denied only) before "Open article" (2017).
        assertThat(ir.get("Report_Items").get(1).get("Items").get(0).get("Attribute_Performance").get(0).get("YOP").asString())
                .isEqualTo("2018");
        assertThat(ir.get("Report_Items").get(1).get("Items").get(1).get("Attribute_Performance").get(0).get("YOP").asString())
                .isEqualTo("2017");
        JsonNode flat = report("IR", "&item_id=" + TestCatalog.SLASH_DOI + "&granularity=Total");
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
        assertThat(lines).contains("Journal of International Affairs\tExample Press\t\tRecto\t\tRecto:jia\t0260-2105\t1469-9044\t"
                + "\tOpen\tTotal_Item_Investigations\t3\t3\t0");
        // No zero rows: the Controlled journal line has no requests, so no Total_Item_Requests row for it.
        assertThat(lines).noneMatch(l -> l.startsWith("Journal of International Affairs") && l.contains("Controlled\tTotal_Item_Requests"));
    }

    private static String month(YearMonth m) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM-yyyy", java.util.Locale.ENGLISH).format(m);
    }
}
