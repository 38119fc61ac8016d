package org.recto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.recto.RectoApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one web edge over real HTTP: who may call what, CSRF for form posts, the security headers. */
@SpringBootTest(classes = RectoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebEdgeTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAdminApiNeedsTheTokenAndEverythingElseIsOpen() throws Exception {
        assertThat(post("/api/v1/admin/usage/rollup", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post("/api/v1/admin/usage/rollup", "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(post("/api/v1/admin/usage/rollup", "Bearer test-admin-token").statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/sushi/r51/status").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedButTheBearerApiIsExempt() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/doi/10.1234/x"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("format=pdf")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(403);
        // With the token and no CSRF token the API answers for itself (here: the empty document).
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/articles"))
                .header("Authorization", "Bearer test-admin-token").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(400);
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("script-src 'self'", "object-src 'none'"));
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(home.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void sushiRequestsWithARawPipeAreAnswered() throws Exception {
        // As the COUNTER examples write them: '|' unencoded, which java.net.URI would refuse, so a raw request.
        String target = "/sushi/r51/reports/pr?customer_id=0000000000000000&api_key=test-world-key"
                + "&begin_date=2025-01&end_date=2025-02&metric_type=Total_Item_Requests|Unique_Item_Requests"
                + "&attributes_to_show=Access_Method";
        String[] response = rawGet(target);
        assertThat(response[0]).startsWith("HTTP/1.1 200");
        assertThat(response[1]).contains("\"Report_ID\":\"PR\"",
                "\"Metric_Type\":[\"Total_Item_Requests\",\"Unique_Item_Requests\"]").doesNotContain("<html");
    }

    /** A GET sent as written, without any client's URI checks: the status line and the body. */
    private String[] rawGet(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headerEnd = all.indexOf("\r\n\r\n");
            return new String[] {all.substring(0, all.indexOf("\r\n")), headerEnd < 0 ? "" : all.substring(headerEnd + 4)};
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
