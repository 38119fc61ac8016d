package org.recto.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.recto.article.ArticleTables;
import org.recto.ingest.JatsIngest;
import org.recto.support.Browser;
import org.recto.article.DerivedWork;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.recto.support.SmallArticle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The reader's pages in a real browser: axe-core (WCAG 2.2 A and AA, and its best practices) finds
 * nothing on the home, journal, issue, landing and full-text pages; the notes can be hidden and shown
 * without JavaScript.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

    static final String VERSIONED = "10.5555/recto.versioned";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        ArticleTables.deleteAll(jdbc);
        for (String file : new String[] {"mills-bloomfield-2018.xml", "mills-bloomfield-2018-correction.xml"}) {
            assertThat(ingest.ingest(SharedData.read(SharedData.seed(file)), file).ok()).isTrue();
        }
        for (String file : new String[] {"elife00003.xml", "journal.pone.0026358.xml"}) {
            assertThat(ingest.ingest(SharedData.read(SharedData.corpus(file)), file).ok()).isTrue();
        }
        for (var demo : new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.xml")) {
            assertThat(ingest.ingest(demo.getContentAsByteArray(), demo.getFilename()).ok()).isTrue();
        }
        // An article with three versions (the version links) and one of its versions corrected.
        for (String title : new String[] {"A versioned article", "A versioned article, revised", "A versioned article, revised again"}) {
            assertThat(ingest.ingest(new SmallArticle().doi(VERSIONED).title(title).bytes(), "versioned.xml").ok()).isTrue();
        }
        assertThat(ingest.ingest(new SmallArticle().doi("10.5555/recto.versioned.correction").type("correction")
                .title("Correction: A versioned article").related("corrected-article", VERSIONED).bytes(), "c.xml").ok()).isTrue();
        importPackage(SharedData.dir().resolve("corpus/packages/elife-1234567890-v1"));
        browser = Browser.start(true);
        DerivedData.await(derived);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/",
            "/journals/RIS",
            "/journals/RIS/issues/44/1",
            "/doi/10.1017/S0260210517000407",
            "/doi/10.1017/S0260210517000407/full",
            "/doi/10.5555/recto.fixture.correction.1",
            "/doi/10.7554/eLife.00003",
            "/doi/10.7554/eLife.00003/full",
            "/doi/10.1371/journal.pone.0026358/full",
            "/journals/JCPG",
            "/doi/10.5555/jcpg.2025.002/full",
            "/doi/10.5555/jcpg.2025.003",
            "/doi/10.5555/jcpg.2025.004",
            "/doi/10.5555/jcpg.2025.005",
            "/doi/10.5555/recto.versioned",
            "/doi/10.5555/recto.versioned?version=1",
            "/doi/10.5555/recto.versioned.correction",
            "/doi/10.5555/does-not-exist"})
    void axeFindsNoViolations(String path) {
        browser.get("http://localhost:" + port + path);
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(browser);
        assertThat(results.isErrored()).as("axe ran").isFalse();
        assertThat(results.getViolations()).as(path + ": " + describe(results.getViolations())).isEmpty();
    }

    /** Author-date references (no label) take the list's whole width, not its narrow label column. */
    @ParameterizedTest
    @ValueSource(strings = {"/doi/10.7554/eLife.00003", "/doi/10.5555/jcpg.2025.005", "/doi/10.1017/S0260210517000407"})
    void referencesWithoutLabelsTakeTheWholeWidth(String path) {
        browser.get("http://localhost:" + port + path);
        List<WebElement> items = browser.findElements(By.cssSelector("#references ol.references > li, #notes ol.notes > li"));
        assertThat(items).isNotEmpty();
        for (WebElement item : items.subList(0, Math.min(5, items.size()))) {
            WebElement text = item.findElement(By.cssSelector(".note-text"));
            Rectangle box = text.getRect();
            Rectangle row = item.getRect();
            assertThat(box.getWidth()).as(path + ": the reference's width against its row's").isGreaterThan(row.getWidth() * 8 / 10);
            // A reference of a few lines, not one word per line.
            assertThat(box.getHeight()).as(path + ": the reference's height").isLessThan(220);
        }
    }

    /** eLife's package: figures whose TIFF is in it show their web rendition; the browser really decodes it. */
    @Test
    void aFigureImageLoads() {
        browser.get("http://localhost:" + port + "/doi/10.7554/eLife.1234567890/full");
        WebElement img = browser.findElement(By.cssSelector("figure#fig1 img"));
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const img = arguments[0], done = arguments[arguments.length - 1];"
                        + "img.loading = 'eager'; img.scrollIntoView();"
                        + "if (img.complete && img.naturalWidth > 0) { done(img.naturalWidth); }"
                        + "else { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); }", img);
        assertThat(((Number) width).intValue()).as("naturalWidth of " + img.getAttribute("src")).isPositive();
        assertThat(browser.findElements(By.cssSelector("figure#fig3 .image-not-available"))).hasSize(1);
    }

    private void importPackage(java.nio.file.Path folder) throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip);
                java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                z.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                z.write(java.nio.file.Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        var contents = org.recto.ingest.internal.JatsPackage.fromZip(new java.io.ByteArrayInputStream(zip.toByteArray()), 100L << 20);
        assertThat(ingest.ingestPackage(contents.xml(), "elife package", contents.files()).ok()).isTrue();
    }

    @Test
    void versionLinksAreLargeEnoughTargets() {
        browser.get("http://localhost:" + port + "/doi/" + VERSIONED);
        List<WebElement> links = browser.findElements(By.cssSelector(".versions a"));
        assertThat(links).extracting(WebElement::getText).containsExactly("v3", "v2", "v1");
        for (WebElement link : links) {
            assertThat(link.getRect().getWidth()).isGreaterThanOrEqualTo(24);
            assertThat(link.getRect().getHeight()).isGreaterThanOrEqualTo(24);
        }
    }

    @Test
    void notesHideAndShowWithoutJavaScript() {
        WebDriver noScript = Browser.start(false);
        try {
            noScript.get("http://localhost:" + port + "/doi/10.1017/S0260210517000407");
            var firstNote = noScript.findElement(By.cssSelector("#notes ol.notes > li"));
            var summary = noScript.findElement(By.cssSelector("#notes summary"));
            assertThat(firstNote.isDisplayed()).isTrue();
            assertThat(summary.getText()).contains("Hide all");

            summary.click();
            assertThat(firstNote.isDisplayed()).isFalse();
            assertThat(summary.getText()).contains("Show all");

            summary.click();
            assertThat(firstNote.isDisplayed()).isTrue();
        } finally {
            noScript.quit();
        }
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
