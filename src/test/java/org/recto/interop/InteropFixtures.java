package org.recto.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.recto.ingest.JatsIngest;
import org.recto.support.SharedData;
import org.w3c.dom.Document;

/** The articles the interop tests import (the demo journal, the seed article and its correction) and HTTP helpers. */
public final class InteropFixtures {

    public static final List<String> DEMO = List.of("01-editorial-tending.xml", "02-shared-channels.xml",
            "03-duty-to-scour.xml", "04-research-software-maintainers.xml", "05-consortial-licensing.xml",
            "06-open-infrastructure-review.xml", "07-commentary-maintenance.xml", "08-seed-libraries.xml",
            "09-book-review-weir.xml", "10-correction-consortial.xml");
    public static final String SEED = "10.1017/S0260210517000407";
    public static final String SEED_CORRECTION = "10.5555/recto.fixture.correction.1";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InteropFixtures() {
    }

    public static byte[] demo(String name) {
        try (InputStream in = InteropFixtures.class.getResourceAsStream("/demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the demo journal, the seed article and its correction. */
    public static void importAll(JatsIngest ingest) {
        for (String name : DEMO) {
            assertThat(ingest.ingest(demo(name), name).ok()).as(name).isTrue();
        }
        for (String file : List.of("mills-bloomfield-2018.xml", "mills-bloomfield-2018-correction.xml")) {
            assertThat(ingest.ingest(SharedData.read(SharedData.seed(file)), file).ok()).as(file).isTrue();
        }
    }

    public static HttpResponse<String> get(int port, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build());
    }

    public static HttpResponse<String> postForm(int port, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A namespace-aware DOM of a response, with the JDK's own parser, no DTDs. */
    public static Document dom(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
