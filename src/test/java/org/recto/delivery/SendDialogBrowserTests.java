package org.recto.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The send-to actions in a real browser: each opens as a labelled modal dialog that keeps the keyboard inside
 * and closes with Escape, returning focus to its link; axe-core finds nothing on the dialogs or on the plain
 * pages. Kindle and Dropbox are configured here; Google Drive is not, and says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "recto.delivery.mail-host=127.0.0.1", "recto.delivery.mail-from=kindle@recto.example",
        "recto.delivery.dropbox.client-id=dbx-id", "recto.delivery.token-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendDialogBrowserTests {

    static final String SEED = "/doi/10.1017/S0260210517000407";

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    ChromeDriver browser;

    @BeforeAll
    void start() {
        SeedAlone.importInto(ingest, jdbc, derived);
        browser = Browser.start(true);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kindle", "dropbox", "google-drive"})
    void thePlainPagesHaveNoViolations(String service) throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url(SEED + "/send/" + service));
        assertNoViolations(service);
        String text = browser.findElement(By.tagName("main")).getText();
        if (service.equals("google-drive")) {
            assertThat(text).contains("Sending to Google Drive is not configured on this site.");
        } else {
            assertThat(browser.findElements(By.cssSelector("form.send-form input[name=consent]"))).hasSize(1);
        }
        screenshot("plain-" + service + "-1280");
        browser.manage().window().setSize(new Dimension(390, 1000));
        screenshot("plain-" + service + "-390");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Send to Kindle", "Send to Dropbox", "Send to Google Drive"})
    void eachActionOpensALabelledModalDialogThatKeepsFocusAndClosesWithEscape(String action) throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url(SEED));
        WebElement link = browser.findElement(By.linkText(action));
        link.click();
        WebElement dialog = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("dialog.send-dialog[open]")).stream().findFirst().orElse(null));
        String labelledBy = dialog.getAttribute("aria-labelledby");
        assertThat(browser.findElement(By.id(labelledBy)).getText()).isEqualTo(action.replace("Send to", "Send article to"));
        assertThat((Boolean) js("return document.querySelector('dialog.send-dialog').matches(':modal')")).isTrue();
        for (int i = 0; i < 12; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            assertThat((Boolean) js("return document.querySelector('dialog.send-dialog').contains(document.activeElement)"))
                    .as("focus after %d tabs", i + 1).isTrue();
        }
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat((Boolean) js("return document.querySelector('dialog.send-dialog').contains(document.activeElement)")).isTrue();
        assertNoViolations(action);
        String slug = action.substring("Send to ".length()).toLowerCase().replace(' ', '-');
        screenshot("dialog-" + slug + "-1280");
        browser.manage().window().setSize(new Dimension(390, 900));
        screenshot("dialog-" + slug + "-390");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("dialog.send-dialog")).isEmpty());
        assertThat((String) js("return document.activeElement.textContent")).isEqualTo(action);
    }

    @Test
    void theLandingPageOffersTheThreeActionsAsPlainLinks() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url(SEED));
        List<String> hrefs = browser.findElements(By.cssSelector(".send-list a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(hrefs).containsExactly(url(SEED + "/send/kindle"), url(SEED + "/send/dropbox"), url(SEED + "/send/google-drive"));
        screenshot("landing-1280");
        browser.manage().window().setSize(new Dimension(390, 1000));
        screenshot("landing-390");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void assertNoViolations(String what) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(browser);
        assertThat(results.isErrored()).as("axe ran").isFalse();
        assertThat(results.getViolations()).as(what + ": " + describe(results.getViolations())).isEmpty();
    }

    /** For a person to look at (the brief's 1280 and 390 px); the assertions above do not depend on them. */
    private void screenshot(String name) throws Exception {
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "delivery-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
