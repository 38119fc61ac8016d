package org.recto.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser session over real HTTP: its cookies, no redirects followed, and the CSRF field of the last form read. */
final class FormSession {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"(_csrf)\" value=\"([^\"]+)\">");

    private final HttpClient http;
    private final String base;
    String csrf;

    FormSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GET, and keep the page's CSRF token if it has a form. */
    HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(2);
        }
        return page;
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST a form with the kept CSRF token (unless the fields name their own {@code _csrf}). */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.putAll(fields);
        all.values().removeIf(v -> v == null);
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey().replaceAll("\u0000.*", ""), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POST a form with more values of the {@code format} field. */
    HttpResponse<String> postMulti(String path, Map<String, String> fields, String... moreFormats) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        for (int i = 0; i < moreFormats.length; i++) {
            all.put("format\u0000" + i, moreFormats[i]);
        }
        return post(path, all);
    }

    URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
