package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recto.usage.internal.EventWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The module inside the application: JSON figures, the admin roll-up and the panel template. */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class UsageWebTest extends AppTestBase {

    @Autowired
    org.recto.ingest.JatsIngest ingest;

    @org.junit.jupiter.api.BeforeAll
    void articles() throws Exception {
        importCorpus(ingest);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UsageRecorder recorder;
    @Autowired
    TemplateEngine templates;

    @Test
    void figuresAsJsonForADoiWithSlashesInItsSuffix() throws Exception {
        String doi = SLASH_DOI;
        Instant twoDaysAgo = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).plusSeconds(36_000);
        recorder.record(new UsageRequest(twoDaysAgo, doi, UsageAction.ABSTRACT, "198.51.100.3", AbstractCountingTest.CHROME, "w1", false));
        recorder.record(new UsageRequest(twoDaysAgo.plusSeconds(60), doi, UsageAction.FULL_TEXT_HTML, "198.51.100.3", AbstractCountingTest.CHROME, "w1", false));
        recorder.record(new UsageRequest(twoDaysAgo.plusSeconds(120), doi, UsageAction.PDF, "198.51.100.3", AbstractCountingTest.CHROME, "w1", false));
        recorder.record(new UsageRequest(twoDaysAgo.plusSeconds(125), doi, UsageAction.PDF, "198.51.100.3", AbstractCountingTest.CHROME, "w1", false));
        recorder.record(new UsageRequest(twoDaysAgo.plusSeconds(130), doi, UsageAction.PDF, "198.51.100.3", AbstractCountingTest.GOOGLEBOT, null, false));
        assertThat(((EventWriter) recorder).flush(Duration.ofSeconds(30))).isTrue();

        mvc.perform(post("/api/v1/admin/usage/rollup").header("Authorization", "Bearer " + TOKEN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ran").value(true));

        mvc.perform(get("/api/v1/articles/" + doi + "/usage"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.htmlViews").value(1))
                .andExpect(jsonPath("$.pdfViews").value(1))
                .andExpect(jsonPath("$.abstractViews").value(1))
                .andExpect(jsonPath("$.Total_Item_Investigations").value(3))
                .andExpect(jsonPath("$.Total_Item_Requests").value(2))
                .andExpect(jsonPath("$.Unique_Item_Investigations").value(1))
                .andExpect(jsonPath("$.Unique_Item_Requests").value(1))
                .andExpect(jsonPath("$.No_License").value(0))
                .andExpect(jsonPath("$.capturedTo").value(LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString()))
                .andExpect(jsonPath("$.capturedFrom").exists())
                .andExpect(jsonPath("$.Unique_Title_Requests").doesNotExist());
        // Percent-encoded slash-free form and case do not matter.
        mvc.perform(get("/api/v1/articles/" + doi.toUpperCase() + "/usage")).andExpect(jsonPath("$.pdfViews").value(1));
    }

    @Test
    void notADoiIsABadRequestAndOtherArticlePathsAreLeftAlone() throws Exception {
        mvc.perform(get("/api/v1/articles/hello/usage")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/articles/10.5555/abc/notes")).andExpect(status().isNotFound());
        // MockMvc sends the % itself encoded (%253C): the web edge's firewall refuses that outright.
        mvc.perform(get("/api/v1/articles/10.5555/%3Cscript%3E/usage")).andExpect(status().is4xxClientError())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>"))));
        mvc.perform(get("/api/v1/articles/10.5555/unknown/usage")).andExpect(status().isNotFound());
    }

    @Test
    void theAdminRollUpNeedsTheToken() throws Exception {
        for (String auth : new String[] {null, "Bearer wrong", "Basic " + TOKEN, "Bearer " + TOKEN + "x", "Bearer "}) {
            var req = post("/api/v1/admin/usage/rollup");
            if (auth != null) {
                req.header("Authorization", auth);
            }
            mvc.perform(req).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(401));
        }
    }

    @Test
    void thePanelShowsTheSeedsFiguresAChartAndATable() {
        ArticleUsage u = new ArticleUsage("10.9/p", 12, 34, 0, 56, LocalDate.parse("2017-09-08"), LocalDate.parse("2026-11-24"),
                Map.of("Total_Item_Investigations", 102L, "Total_Item_Requests", 46L),
                List.of(new MonthlyUsage(YearMonth.parse("2026-10"), 50, 10, 30, 0, 40, 90, 20),
                        new MonthlyUsage(YearMonth.parse("2026-11"), 6, 2, 4, 0, 6, 12, 3)));
        Document page = render(u);
        String text = page.text();
        assertThat(text).contains("Full text views", "Total number of HTML views: 12", "Total number of PDF views: 34",
                "Abstract views", "Total abstract views: 56",
                "Views captured on Recto between 8 September 2017 and 24 November 2026. This data will be updated every 24 hours.");
        Element svg = page.selectFirst("svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        for (String id : svg.attr("aria-labelledby").split(" ")) {
            assertThat(page.getElementById(id)).as("labelled by #%s", id).isNotNull();
        }
        assertThat(page.select("svg rect[fill=#1f4e79]")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select("table tbody tr")).hasSize(2);
        assertThat(page.select("table tbody tr").get(0).text()).isEqualTo("October 2026 10 30 50");
        assertThat(page.select("table caption").text()).isNotBlank();
        assertThat(page.text()).doesNotContain("cannot currently be displayed");
    }

    @Test
    void thePanelSaysSoWhenThereAreNoFigures() {
        Document page = render(null);
        assertThat(page.text()).isEqualTo("Usage data cannot currently be displayed.");
        assertThat(page.select("svg")).isEmpty();
    }

    @Test
    void thePanelNamesTheDayWhenTheFiguresCoverOneAndNoBusiestMonthOfZero() {
        LocalDate day = LocalDate.parse("2026-11-24");
        ArticleUsage u = new ArticleUsage("10.9/z", 0, 0, 0, 0, day, day, Map.of(),
                List.of(new MonthlyUsage(YearMonth.parse("2026-11"), 0, 0, 0, 0, 0, 0, 0)));
        Document page = render(u);
        assertThat(page.text()).contains("Views captured on Recto on 24 November 2026. This data will be updated every 24 hours.")
                .doesNotContain("between");
        assertThat(page.select("desc").text()).isEqualTo("Views in November 2026: none counted yet.")
                .doesNotContain("busiest");
        // A range that would end before it starts is one day.
        assertThat(new ArticleUsage("10.9/z", 0, 0, 0, 0, day.plusDays(1), day, Map.of(), List.of()).oneDay()).isTrue();
    }

    @Test
    void beforeTheFirstRollUpThePanelSaysNothingHasBeenCounted() {
        Document page = render(ArticleUsage.beforeFirstRollUp("10.9/new", List.of("Total_Item_Requests")));
        assertThat(page.text()).isEqualTo("No views have been counted yet: the figures are added up once a day, "
                + "and the first count has not run.");
        assertThat(page.select("svg")).isEmpty();
    }

    @Test
    void aDoiIsEscapedInThePanel() {
        ArticleUsage u = new ArticleUsage("10.9/<b>", 0, 0, 0, 0, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-24"),
                Map.of(), List.of(new MonthlyUsage(YearMonth.parse("2026-11"), 0, 0, 0, 0, 0, 0, 0)));
        Document page = render(u);
        assertThat(page.select("b")).isEmpty();
        assertThat(page.text()).contains("Total number of HTML views: 0");
    }

    private Document render(ArticleUsage u) {
        StringOutput out = new StringOutput();
        templates.render("usage/panel.jte", java.util.Collections.singletonMap("usage", u), out);
        return Jsoup.parseBodyFragment(out.toString());
    }
}
