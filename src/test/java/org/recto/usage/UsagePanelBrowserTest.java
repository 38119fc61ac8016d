package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.recto.support.Browser;

/**
 * The usage panel with two years of figures (chart and table), in a real browser with the site's and the panel's
 * CSS: axe-core finds no WCAG 2.2 A/AA violation, with the table folded and unfolded.
 */
class UsagePanelBrowserTest {

    @Test
    void thePanelWithAChartPassesAxe(@TempDir Path dir) throws Exception {
        List<MonthlyUsage> months = new ArrayList<>();
        YearMonth m = YearMonth.parse("2024-11");
        for (int i = 0; i < 25; i++, m = m.plusMonths(1)) {
            long html = (i * 37) % 90, pdf = (i * 53) % 70, abs = (i * 71) % 120;
            months.add(new MonthlyUsage(m, abs, html, pdf, 0, html + pdf, abs + html + pdf, html + pdf));
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("Total_Item_Investigations", 5000L);
        ArticleUsage usage = new ArticleUsage("10.5555/x", 1200, 900, 0, 2900, LocalDate.parse("2024-11-03"),
                LocalDate.parse("2026-11-24"), totals, months);
        StringOutput panel = new StringOutput();
        TemplateEngine.createPrecompiled(ContentType.Html).render("usage/panel.jte",
                Collections.singletonMap("usage", usage), panel);
        Path css = Path.of("target/classes/static/css").toAbsolutePath();
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Usage panel</title>"
                + (Files.exists(css.resolve("recto.css")) ? "<link rel=\"stylesheet\" href=\"" + css.resolve("recto.css").toUri() + "\">" : "")
                + "<link rel=\"stylesheet\" href=\"" + css.resolve("usage.css").toUri() + "\"></head>"
                + "<body><main><h1>Article</h1><aside>" + panel + "</aside></main></body></html>";
        Path file = Files.writeString(dir.resolve("panel.html"), page);

        WebDriver browser = Browser.start(true); // axe runs as a script in the page
        try {
            browser.get(file.toUri().toString());
            assertThat(browser.findElement(By.cssSelector("svg[role=img]")).isDisplayed()).isTrue();
            assertNoViolations(browser, "table folded");
            browser.findElement(By.cssSelector(".usage-table summary")).click();
            assertThat(browser.findElement(By.cssSelector(".usage-table table")).isDisplayed()).isTrue();
            assertNoViolations(browser, "table unfolded");
        } finally {
            browser.quit();
        }
    }

    private static void assertNoViolations(WebDriver browser, String state) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser);
        assertThat(results.isErrored()).as("axe ran").isFalse();
        assertThat(results.getViolations()).as(state + ": " + describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
