package org.recto.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Send to Dropbox and Google Drive over real HTTP, WireMock playing both providers as they document their
 * authorization, token and upload endpoints: the whole authorization code flow with PKCE (the verifier checked
 * against the challenge), refusal of a bad state, a replayed code and another session's redirect, refresh on
 * expiry and on 401, the documented errors (409, 429, 507, quota), disconnect, and tokens stored encrypted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudDeliveryTests {

    static final String SEED = "10.1017/S0260210517000407";
    static final String NAME = "African resistance to the International Criminal Court Halting the advance of the anti-impunity norm";
    /** The configured public address: the redirect URI the providers see, whatever host the request came to. */
    static final String PUBLIC = "https://journal.example";
    /**
     * WireMock points these JVM-wide JAXP properties at the JDK's own factories when it starts
     * ({@code Xml.optimizeFactoriesLoading}); left so, EPUBCheck in a later test class of the same JVM finds no
     * Saxon. They are put back when this class is done.
     */
    static final List<String> JAXP = List.of("javax.xml.transform.TransformerFactory", "javax.xml.xpath.XPathFactory",
            "javax.xml.xpath.XPathFactory:http://java.sun.com/jaxp/xpath/dom", "javax.xml.parsers.DocumentBuilderFactory",
            "javax.xml.parsers.SAXParserFactory");
    static final Map<String, String> JAXP_BEFORE = new HashMap<>();

    static {
        JAXP.forEach(p -> JAXP_BEFORE.put(p, System.getProperty(p)));
    }

    static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort().globalTemplating(true));

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String base = "http://localhost:" + PROVIDER.port();
        registry.add("recto.delivery.token-key", () -> Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k'));
        registry.add("recto.delivery.redirect-base", () -> PUBLIC);
        registry.add("recto.delivery.resumable-above", () -> "50KB");
        registry.add("recto.delivery.dropbox.client-id", () -> "dbx-id");
        registry.add("recto.delivery.dropbox.client-secret", () -> "dbx-secret");
        registry.add("recto.delivery.dropbox.authorization-uri", () -> base + "/oauth2/authorize");
        registry.add("recto.delivery.dropbox.token-uri", () -> base + "/oauth2/token");
        registry.add("recto.delivery.dropbox.content-uri", () -> base);
        registry.add("recto.delivery.dropbox.revoke-uri", () -> base + "/2/auth/token/revoke");
        registry.add("recto.delivery.gdrive.client-id", () -> "g-id");
        registry.add("recto.delivery.gdrive.client-secret", () -> "g-secret");
        registry.add("recto.delivery.gdrive.authorization-uri", () -> base + "/o/oauth2/v2/auth");
        registry.add("recto.delivery.gdrive.token-uri", () -> base + "/token");
        registry.add("recto.delivery.gdrive.content-uri", () -> base + "/upload/drive/v3/files");
        registry.add("recto.delivery.gdrive.revoke-uri", () -> base + "/revoke");
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

    /** The reader who connects Dropbox in the first test and keeps the connection for the next ones. */
    FormSession reader;

    @BeforeAll
    void importSeed() {
        SeedAlone.importInto(ingest, jdbc, derived);
        reader = session();
    }

    @AfterAll
    void stopProvider() {
        PROVIDER.stop();
        JAXP.forEach(p -> {
            if (JAXP_BEFORE.get(p) == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, JAXP_BEFORE.get(p));
            }
        });
    }

    @BeforeEach
    void providerAsDocumented() {
        PROVIDER.resetAll();
        DropboxStubs.install(PROVIDER);
        DriveStubs.install(PROVIDER);
    }

    @Test
    @Order(1)
    void dropboxTheFirstSendAuthorisesWithPkceThenUploadsTheEpubIntoTheAppFolder() throws Exception {
        reader.get(page("dropbox"));
        var toProvider = reader.post(page("dropbox"), form("epub"));
        assertThat(toProvider.statusCode()).isEqualTo(303);
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = query(authorize);
        assertThat(authorize.toString()).startsWith("http://localhost:" + PROVIDER.port() + "/oauth2/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "dbx-id")
                .containsEntry("redirect_uri", PUBLIC + "/send/authorized/dropbox").containsEntry("scope", "files.content.write")
                .containsEntry("token_access_type", "offline").containsEntry("code_challenge_method", "S256");
        String callback = authorise(authorize);
        var back = reader.get(local(callback));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue("/doi/" + SEED + "/send/dropbox");
        var done = reader.get(page("dropbox"));
        assertThat(done.body()).contains("Sent to your Dropbox: " + NAME + ".epub.").contains("Disconnect Dropbox")
                .doesNotContain("dbx-access").doesNotContain("dbx-refresh");

        LoggedRequest token = only(postRequestedFor(urlEqualTo("/oauth2/token")));
        Map<String, String> sent = decoded(token.getBodyAsString());
        assertThat(sent).containsEntry("grant_type", "authorization_code").containsEntry("code", "dbx-code")
                .containsEntry("redirect_uri", PUBLIC + "/send/authorized/dropbox");
        assertThat(s256(sent.get("code_verifier"))).isEqualTo(query.get("code_challenge"));
        assertThat(token.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("dbx-id:dbx-secret".getBytes()));

        LoggedRequest upload = only(postRequestedFor(urlEqualTo("/2/files/upload")));
        assertThat(upload.getHeader("Authorization")).isEqualTo("Bearer dbx-access-1");
        assertThat(upload.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(upload.getHeader("Dropbox-API-Arg"))
                .isEqualTo("{\"path\":\"/" + NAME + ".epub\",\"mode\":\"add\",\"autorename\":true,\"mute\":false}");
        assertThat(upload.getBody()).isEqualTo(reader.bytes("/doi/" + SEED + "/epub").body());

        String stored = jdbc.sql("select refresh_token from delivery_token where provider = 'DROPBOX'").query(String.class).single();
        assertThat(stored).doesNotContain("dbx-refresh");
        assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1)).doesNotContain("dbx-refresh");

        // The same redirect again (a replayed code), or in another browser session: refused, no second exchange.
        assertThat(reader.get(local(callback)).statusCode()).isEqualTo(400);
        FormSession other = session();
        var stolen = other.get(local(callback));
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.body()).contains("does not belong to a send started in this browser");
        assertThat(other.get(page("dropbox")).body()).doesNotContain("Disconnect Dropbox");
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/oauth2/token")))).hasSize(1);
    }

    @Test
    @Order(2)
    void aRedirectWithAnotherStateIsRefusedAndTheRightOneStillFinishes() {
        FormSession someone = session();
        someone.get(page("dropbox"));
        URI authorize = URI.create(someone.post(page("dropbox"), form("pdf")).headers().firstValue("Location").orElseThrow());
        String callback = authorise(authorize);
        String forged = callback.replaceAll("state=[^&]+", "state=forged-state");
        var refused = someone.get(local(forged));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The authorisation could not be verified");
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/oauth2/token")))).isEmpty();
        // Where the reader goes next is the article's send page, whatever the redirect carries.
        var back = someone.get(local(callback) + "&next=https://evil.example/&redirect_uri=https://evil.example/");
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue("/doi/" + SEED + "/send/dropbox");
        assertThat(someone.get(page("dropbox")).body()).contains("Sent to your Dropbox: " + NAME + ".pdf.");
    }

    @Test
    @Order(3)
    void anAccessTokenTheProviderCallsExpiredIsRefreshedAndTheUploadRepeated() {
        DropboxStubs.expired(PROVIDER, "dbx-access-1");
        reader.get(page("dropbox"));
        var sent = reader.post(page("dropbox"), form("pdf"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Sent to your Dropbox: " + NAME + ".pdf.");
        Map<String, String> refresh = decoded(only(postRequestedFor(urlEqualTo("/oauth2/token"))).getBodyAsString());
        assertThat(refresh).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "dbx-refresh");
        List<LoggedRequest> uploads = PROVIDER.findAll(postRequestedFor(urlEqualTo("/2/files/upload")));
        assertThat(uploads).extracting(r -> r.getHeader("Authorization")).containsExactly("Bearer dbx-access-1", "Bearer dbx-access-2");
    }

    @Test
    @Order(4)
    void theProvidersDocumentedRefusalsAreToldPlainly() {
        reader.get(page("dropbox"));
        Map<Integer, String> cases = new java.util.LinkedHashMap<>();
        cases.put(409, "a file of that name is in the way in your Dropbox");
        cases.put(507, "your Dropbox is full");
        cases.put(429, "Dropbox asks us to slow down; please try again in 30 seconds");
        for (var c : cases.entrySet()) {
            DropboxStubs.refuse(PROVIDER, c.getKey());
            var refused = reader.post(page("dropbox"), form("epub"));
            assertThat(refused.statusCode()).as("HTTP %d", c.getKey()).isEqualTo(502);
            assertThat(refused.body()).contains("Nothing was sent: " + c.getValue());
        }
        DropboxStubs.insufficientSpace(PROVIDER);
        assertThat(reader.post(page("dropbox"), form("epub")).body()).contains("your Dropbox is full");
    }

    @Test
    @Order(5)
    void aRevokedRefreshTokenSendsTheReaderToAuthoriseAgain() {
        DropboxStubs.expired(PROVIDER, "dbx-access-2");
        DropboxStubs.expired(PROVIDER, "dbx-access-1");
        DropboxStubs.refreshRevoked(PROVIDER);
        reader.get(page("dropbox"));
        var again = reader.post(page("dropbox"), form("epub"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).startsWith("http://localhost:" + PROVIDER.port() + "/oauth2/authorize?");
        assertThat(jdbc.sql("select count(*) from delivery_token where provider = 'DROPBOX'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void disconnectRevokesAtTheProviderAndDeletesTheTokens() {
        FormSession someone = session();
        someone.get(page("dropbox"));
        URI authorize = URI.create(someone.post(page("dropbox"), form("epub")).headers().firstValue("Location").orElseThrow());
        someone.get(local(authorise(authorize)));
        assertThat(someone.get(page("dropbox")).body()).contains("Disconnect Dropbox");
        long before = jdbc.sql("select count(*) from delivery_token").query(Long.class).single();
        var gone = someone.post(page("dropbox"), Map.of("intent", "disconnect"));
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.body()).contains("Recto is no longer connected to your Dropbox").doesNotContain("Disconnect Dropbox");
        assertThat(only(postRequestedFor(urlEqualTo("/2/auth/token/revoke"))).getHeader("Authorization")).isEqualTo("Bearer dbx-access-1");
        assertThat(jdbc.sql("select count(*) from delivery_token").query(Long.class).single()).isEqualTo(before - 1);
    }

    @Test
    @Order(7)
    void googleDriveAuthorisesWithDriveFileOnlyThenUploadsMultipartAndResumable() throws Exception {
        FormSession someone = session();
        someone.get(page("google-drive"));
        Map<String, String> both = form("epub");
        var toGoogle = someone.postMulti(page("google-drive"), both, "pdf");
        URI authorize = URI.create(toGoogle.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("scope", "https://www.googleapis.com/auth/drive.file").containsEntry("access_type", "offline")
                .containsEntry("client_id", "g-id").containsEntry("redirect_uri", PUBLIC + "/send/authorized/google-drive")
                .containsEntry("code_challenge_method", "S256");
        someone.get(local(authorise(authorize)));
        assertThat(someone.get(page("google-drive")).body()).contains("Sent to your Google Drive: " + NAME + ".epub, " + NAME + ".pdf.");

        Map<String, String> token = decoded(only(postRequestedFor(urlEqualTo("/token"))).getBodyAsString());
        assertThat(token).containsEntry("client_id", "g-id").containsEntry("client_secret", "g-secret")
                .containsEntry("code", "g-code");
        assertThat(s256(token.get("code_verifier"))).isEqualTo(query.get("code_challenge"));

        LoggedRequest multipart = only(postRequestedFor(urlEqualTo("/upload/drive/v3/files?uploadType=multipart")));
        assertThat(multipart.getHeader("Authorization")).isEqualTo("Bearer g-access-1");
        assertThat(multipart.getHeader("Content-Type")).matches("multipart/related; ?boundary=recto-.+");
        assertThat(new String(multipart.getBody(), StandardCharsets.ISO_8859_1))
                .contains("{\"name\":\"" + NAME + ".epub\",\"mimeType\":\"application/epub+zip\"}")
                .contains(new String(someone.bytes("/doi/" + SEED + "/epub").body(), StandardCharsets.ISO_8859_1));
        LoggedRequest start = only(postRequestedFor(urlEqualTo("/upload/drive/v3/files?uploadType=resumable")));
        assertThat(start.getHeader("X-Upload-Content-Type")).isEqualTo("application/pdf");
        assertThat(start.getBodyAsString()).isEqualTo("{\"name\":\"" + NAME + ".pdf\",\"mimeType\":\"application/pdf\"}");
        LoggedRequest bytes = only(putRequestedFor(urlEqualTo("/upload/drive/v3/files?uploadType=resumable&upload_id=up-1")));
        assertThat(bytes.getBody()).isEqualTo(someone.bytes("/doi/" + SEED + "/pdf").body());

        DriveStubs.quotaExceeded(PROVIDER);
        var full = someone.post(page("google-drive"), form("epub"));
        assertThat(full.body()).contains("Nothing was sent: your Google Drive is full");
    }

    @Test
    @Order(8)
    void aSendNeedsAFormatConsentAndTheFormsToken() {
        FormSession someone = session();
        someone.get(page("dropbox"));
        Map<String, String> noConsent = form("epub");
        noConsent.remove("consent");
        assertThat(someone.post(page("dropbox"), noConsent).statusCode()).isEqualTo(400);
        assertThat(someone.post(page("dropbox"), Map.of("consent", "yes")).body()).contains("Choose one or more formats");
        assertThat(someone.post(page("dropbox"), form("mobi")).statusCode()).isEqualTo(400);
        someone.csrf = null;
        assertThat(someone.post(page("dropbox"), form("epub")).statusCode()).isEqualTo(403);
        assertThat(PROVIDER.getAllServeEvents()).isEmpty();
    }

    /** This context has no mail server, so Kindle says so on its page and refuses a send without trying one. */
    @Test
    @Order(9)
    void withoutAMailHostKindleSaysSendingIsNotConfigured() {
        FormSession someone = session();
        someone.get(page("dropbox"));
        var page = someone.get(page("kindle"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sending to Kindle is not configured on this site").doesNotContain("name=\"consent\"");
        // A post anyway, with the session's own CSRF token (from the Dropbox form), is refused before any address.
        Map<String, String> send = form("epub");
        send.put("name", "reader");
        send.put("domain", "kindle.com");
        var refused = someone.post(page("kindle"), send);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("Sending to Kindle is not configured on this site.");
    }

    private FormSession session() {
        return new FormSession("http://localhost:" + port);
    }

    /** The provider's authorization endpoint, as the reader's browser would call it: its redirect back. */
    private static String authorise(URI authorize) {
        var answer = new FormSession("").get(authorize.toString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** The redirect URI is the configured public address; the test's server is this one. */
    private String local(String callback) {
        assertThat(callback).startsWith(PUBLIC + "/send/authorized/");
        return "http://localhost:" + port + callback.substring(PUBLIC.length());
    }

    private static String page(String service) {
        return "/doi/" + SEED + "/send/" + service;
    }

    private static Map<String, String> form(String format) {
        Map<String, String> form = new HashMap<>();
        form.put("format", format);
        form.put("consent", "yes");
        return form;
    }

    private static LoggedRequest only(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        List<LoggedRequest> found = PROVIDER.findAll(pattern);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> query(URI uri) {
        return decoded(uri.getRawQuery());
    }

    private static Map<String, String> decoded(String encoded) {
        Map<String, String> out = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
