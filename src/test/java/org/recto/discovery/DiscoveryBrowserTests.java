package org.recto.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.attention.Mention;
import org.recto.attention.internal.MentionIntake;
import org.recto.ingest.JatsIngest;
import org.recto.support.Browser;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The search page and a landing page with the related-content and attention panels in a real browser: axe-core
 * (WCAG 2.2 A and AA, best practices) finds nothing; the header's search box searches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;
    @Autowired
    MentionIntake mentions;

    WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        ArticleTables.deleteAll(jdbc);
        jdbc.sql("delete from attention_mention").update();
        assertThat(ingest.ingest(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed").ok()).isTrue();
        for (String file : List.of("elife00003.xml", "elife00302.xml", "elife00007.xml", "elife00240.xml")) {
            assertThat(ingest.ingest(SharedData.read(SharedData.corpus(file)), file).ok()).isTrue();
        }
        for (var demo : new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.xml")) {
            assertThat(ingest.ingest(demo.getContentAsByteArray(), demo.getFilename()).ok()).isTrue();
        }
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        mentions.record(List.of(
                new Mention("10.7554/eLife.00003", "news", "n1", "Science Daily", "https://news.example/1", at),
                new Mention("10.7554/eLife.00003", "blog", "b1", "A lab blog", "https://blog.example/1", at),
                new Mention("10.7554/eLife.00003", "twitter", "t1", "@someone", null, at),
                new Mention("10.7554/eLife.00003", "wikipedia", "en:Histone", "en.wikipedia.org", null, at)));
        browser = Browser.start(true);
        DerivedData.awaitRelated(derived, jdbc);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/search?q=lipid+droplets",
            "/search?q=",
            "/search?q=&journal=eLife&type=Article+commentary",
            "/search?q=%22unclosed+histones",
            "/search?q=*",
            "/search?q=xylophonist",
            "/doi/10.7554/eLife.00003",
            "/doi/10.7554/eLife.00003/attention",
            "/doi/10.1017/S0260210517000407",
            "/attention"})
    void axeFindsNoViolations(String path) {
        browser.get("http://localhost:" + port + path);
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(browser);
        assertThat(results.isErrored()).as("axe ran").isFalse();
        assertThat(results.getViolations()).as(path + ": " + describe(results.getViolations())).isEmpty();
    }

    @Test
    void theLandingPageShowsConceptsSimilarArticlesAndTheBadge() {
        browser.get("http://localhost:" + port + "/doi/10.7554/eLife.00003");
        var related = browser.findElement(By.cssSelector(".related-content"));
        assertThat(related.findElements(By.cssSelector(".concepts a"))).isNotEmpty();
        assertThat(related.findElement(By.cssSelector(".similar-articles li a")).getText())
                .isEqualTo("Histones join the fight against bacteria inside cells");
        assertThat(browser.findElement(By.cssSelector(".attention-badge")).getAttribute("aria-label"))
                .startsWith("Attention score 17");
    }

    @Test
    void theHeaderSearchBoxSearches() {
        browser.get("http://localhost:" + port + "/");
        var box = browser.findElement(By.id("site-search"));
        box.sendKeys("histones");
        box.submit();
        // submit() returns once the form is sent, not when the results page has loaded
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/search?q=histones"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("results-heading")));
        assertThat(browser.findElement(By.id("results-heading")).getText()).matches("\\d+ results?");
        assertThat(browser.findElements(By.cssSelector(".result mark"))).isNotEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
