package org.recto.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP against the application a test started on a random port. */
public final class WebTestSupport {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public WebTestSupport(int port) {
        this.port = port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public HttpResponse<String> get(String path) {
        // As a browser asks, so that errors come back as pages rather than JSON.
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .GET().build());
    }

    public HttpResponse<String> post(String path, byte[] body, String token) {
        return post(path, body, token, "application/xml");
    }

    public HttpResponse<String> post(String path, byte[] body, String token, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
