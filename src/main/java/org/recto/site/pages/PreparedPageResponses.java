package org.recto.site.pages;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a prepared page: brotli or gzip to a client that accepts them, the bytes as they are otherwise; a
 * strong ETag per encoding and Last-Modified; 304 on a matching If-None-Match (or, without one,
 * If-Modified-Since); headers only for HEAD. {@code Cache-Control: no-cache} lets a browser or CDN keep the
 * bytes while it revalidates every view with us, so that every view is still counted.
 */
@Component
public class PreparedPageResponses {

    /** The encodings a page is kept in, and the suffix each gives the page's ETag. */
    enum Coding {
        IDENTITY(null, ""), GZIP("gzip", "-gz"), BROTLI("br", "-br");

        final String token;
        final String tagSuffix;

        Coding(String token, String tagSuffix) {
            this.token = token;
            this.tagSuffix = tagSuffix;
        }

        byte[] body(PreparedPage page) {
            return switch (this) {
                case IDENTITY -> page.identity();
                case GZIP -> page.gzip();
                case BROTLI -> page.brotli();
            };
        }
    }

    /** Writes the page: 304 when the client's copy is current, else 200. */
    public void send(PageCache.Served served, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PreparedPage page = served.page();
        Coding coding = choose(request.getHeader(HttpHeaders.ACCEPT_ENCODING), page);
        response.setHeader(HttpHeaders.ETAG, "\"" + page.etag() + coding.tagSuffix + "\"");
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, "Accept-Encoding");
        if (served.rendered()) {
            response.setHeader("Server-Timing", String.format(Locale.ROOT, "render;dur=%.1f", page.renderMillis()));
        }
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = coding.body(page);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        if (coding.token != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, coding.token);
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); any encoding's tag matches (weak comparison). */
    private static boolean notModified(HttpServletRequest request, PreparedPage page) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            if (ifNoneMatch.strip().equals("*")) {
                return true;
            }
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                t = t.startsWith("W/") ? t.substring(2) : t;
                for (Coding c : Coding.values()) {
                    if (t.equals("\"" + page.etag() + c.tagSuffix + "\"")) {
                        return true;
                    }
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && page.lastModified().toEpochMilli() <= since;
    }

    /** The smallest encoding the client accepts (q above 0; {@code *} stands for any not named). */
    static Coding choose(String acceptEncoding, PreparedPage page) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return Coding.IDENTITY;
        }
        Map<String, Double> q = new HashMap<>();
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            double weight = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip().replace(" ", "");
                if (p.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            q.put(pieces[0].strip().toLowerCase(Locale.ROOT), weight);
        }
        double any = q.getOrDefault("*", 0.0);
        if (page.brotli() != null && q.getOrDefault("br", any) > 0) {
            return Coding.BROTLI;
        }
        if (q.getOrDefault("gzip", q.getOrDefault("x-gzip", any)) > 0) {
            return Coding.GZIP;
        }
        return Coding.IDENTITY;
    }
}
