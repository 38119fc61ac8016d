package org.recto.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Send to Kindle over real HTTP into a real SMTP server (GreenMail): the delivered message is read back, and every
 * abuse case (another domain, a whole address, header injection, no CSRF token, no consent, too many sends) is
 * refused with no mail sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KindleDeliveryTests {

    static final String SEED = "10.1017/S0260210517000407";
    static final String TITLE = "African resistance to the International Criminal Court: Halting the advance of the anti-impunity norm";
    static final String FROM = "kindle-sender@recto.example";
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("recto.delivery.mail-host", () -> "127.0.0.1");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.mail.properties.mail.smtp.auth", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("recto.delivery.mail-from", () -> FROM);
        registry.add("recto.delivery.limits.per-kindle-address", () -> "2");
        registry.add("recto.delivery.limits.per-session", () -> "4");
        // Between the seed's EPUB (about 12 kB) and its PDF (about 130 kB): the PDF stands for a file over Amazon's 50 MB.
        registry.add("recto.delivery.max-kindle-size", () -> "50KB");
        registry.add("recto.usage.rollup-cron", () -> "-");
    }

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;

    FormSession reader;

    @BeforeAll
    void importSeed() {
        SeedAlone.importInto(ingest, jdbc, derived);
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void newReader() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        reader = new FormSession("http://localhost:" + port);
    }

    @Test
    void theFormExplainsTheApprovedListAndTheTwoDomainsWithTheRealSender() {
        var page = reader.get(path());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body().replaceAll("\\s+", " ")).contains("first ensure <strong>" + FROM + "</strong> is added to your Approved Personal Document E-mail List")
                .contains("‘@free.kindle.com’ emails are free but can only be sent to your device when it is connected to wi-fi")
                .contains("value=\"kindle.com\"").contains("value=\"free.kindle.com\"").contains("name=\"consent\"")
                .contains(TITLE).contains("Find out more about the Kindle Personal Document Service.");
        assertThat(reader.csrf).isNotBlank();
    }

    @Test
    void anEpubArrivesAtTheKindleAddressWithTheArticlesBytesAndCountsAsARequest() throws Exception {
        long before = requests("EPUB");
        reader.get(path());
        var sent = reader.post(path(), form("my.kindle_1", "kindle.com", "epub"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("The EPUB has been sent to my.kindle_1@kindle.com");
        MimeMessage mail = onlyMessage();
        assertThat(addresses(mail.getAllRecipients())).containsExactly("my.kindle_1@kindle.com");
        assertThat(addresses(mail.getFrom())).containsExactly(FROM);
        assertThat(mail.getSubject()).isEqualTo(TITLE);
        Part attachment = attachment(mail);
        assertThat(attachment.getFileName()).isEqualTo("African resistance to the International Criminal Court Halting the advance of the anti-impunity norm.epub");
        assertThat(attachment.getContentType()).startsWith("application/epub+zip");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(reader.bytes("/doi/" + SEED + "/epub").body());
        await().atMost(Duration.ofSeconds(10)).until(() -> requests("EPUB") > before);
    }

    @Test
    void theFreeAddressTakesTheEpubAndAFileOverTheLimitIsRefusedPlainly() throws Exception {
        reader.get(path());
        assertThat(reader.post(path(), form("free-reader", "free.kindle.com", "epub")).statusCode()).isEqualTo(200);
        MimeMessage mail = onlyMessage();
        assertThat(addresses(mail.getAllRecipients())).containsExactly("free-reader@free.kindle.com");
        assertThat(attachment(mail).getInputStream().readAllBytes()).isEqualTo(reader.bytes("/doi/" + SEED + "/epub").body());
        SMTP.purgeEmailFromAllMailboxes();
        long pdf = reader.bytes("/doi/" + SEED + "/pdf").body().length;
        assertThat(pdf).isGreaterThan(50_000);
        var tooLarge = reader.post(path(), form("free-reader", "free.kindle.com", "pdf"));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("The PDF of this article is " + pdf / 1024 + " kB, more than the 50 kB that can be e-mailed to a Kindle; download it instead.");
        assertNoMail();
    }

    @Test
    void nothingButANamePartAtAKindleDomainBecomesAnAddress() throws Exception {
        reader.get(path());
        for (var bad : List.of(form("someone@gmail.com", "kindle.com", "epub"), form("someone", "gmail.com", "epub"),
                form("a\r\nBcc: victim@example.org", "kindle.com", "epub"), form("x,victim@example.org", "kindle.com", "epub"),
                form("", "kindle.com", "epub"), form(".dot", "kindle.com", "epub"), form("a".repeat(65), "kindle.com", "epub"),
                form("ok", "kindle.com", "mobi"))) {
            var refused = reader.post(path(), bad);
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.body()).contains("role=\"alert\"");
        }
        assertThat(reader.post(path(), form("someone", "gmail.com", "epub")).body())
                .contains("Choose @kindle.com or @free.kindle.com; Recto sends to no other domain.");
        assertThat(reader.post(path(), form("ok", "kindle.com", "mobi")).body()).contains("Amazon no longer takes MOBI");
        assertNoMail();
    }

    @Test
    void aPostWithoutTheFormsCsrfTokenOrWithoutConsentIsRefused() throws Exception {
        reader.get(path());
        String token = reader.csrf;
        reader.csrf = null;
        assertThat(reader.post(path(), form("victim", "kindle.com", "epub")).statusCode()).isEqualTo(403);
        reader.csrf = "forged" + token.substring(6);
        assertThat(reader.post(path(), form("victim", "kindle.com", "epub")).statusCode()).isEqualTo(403);
        reader.csrf = token;
        Map<String, String> noConsent = form("victim", "kindle.com", "epub");
        noConsent.remove("consent");
        var refused = reader.post(path(), noConsent);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please confirm that you agree to the usage policy.");
        assertNoMail();
    }

    @Test
    void oneKindleAddressTakesOnlySoManySendsWhoeverSends() throws Exception {
        for (int i = 0; i < 2; i++) {
            FormSession someone = new FormSession("http://localhost:" + port);
            someone.get(path());
            assertThat(someone.post(path(), form("popular", "kindle.com", "epub")).statusCode()).isEqualTo(200);
        }
        reader.get(path());
        var limited = reader.post(path(), form("popular", "kindle.com", "epub"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(limited.body()).contains("Many articles have been sent to this Kindle address in a short time");
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void oneSessionTakesOnlySoManySends() throws Exception {
        reader.get(path());
        for (int i = 0; i < 4; i++) {
            assertThat(reader.post(path(), form("session-" + i, "kindle.com", "epub")).statusCode()).isEqualTo(200);
        }
        var limited = reader.post(path(), form("session-5", "kindle.com", "epub"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("You have sent many articles in a short time");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }

    @Test
    void anUnknownArticleIsNotFound() {
        assertThat(reader.get("/doi/10.9999/none/send/kindle").statusCode()).isEqualTo(404);
    }

    private static String path() {
        return "/doi/" + SEED + "/send/kindle";
    }

    private static Map<String, String> form(String name, String domain, String format) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("domain", domain);
        form.put("format", format);
        form.put("consent", "yes");
        return form;
    }

    private long requests(String action) {
        return jdbc.sql("select count(*) from usage_event where action = ? and doi = ?")
                .param(action).param(SEED.toLowerCase(Locale.ROOT)).query(Long.class).single();
    }

    private static MimeMessage onlyMessage() {
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        return SMTP.getReceivedMessages()[0];
    }

    private static void assertNoMail() throws InterruptedException {
        Thread.sleep(300);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private static List<String> addresses(Address[] addresses) {
        return java.util.Arrays.stream(addresses).map(Object::toString).toList();
    }

    private static Part attachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment");
    }
}
