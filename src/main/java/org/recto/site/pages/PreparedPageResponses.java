package org.recto.site.pages;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a prepared page: gzip to a client that accepts it, the bytes as they are otherwise; a strong ETag
 * per encoding and Last-Modified; 304 on a matching If-None-Match (or, without one, If-Modified-Since);
 * headers only for HEAD. {@code Cache-Control: no-cache} lets a browser or CDN keep the bytes while it
 * revalidates every view with us, so that every view is still counted.
 */
@Component
public class PreparedPageResponses {

    private static final String GZIP_SUFFIX = "-gz";

    /** Writes the page; answers the status sent (200 or 304). */
    public int send(PageCache.Served served, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PreparedPage page = served.page();
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String etag = "\"" + page.etag() + (gzip ? GZIP_SUFFIX : "") + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, "Accept-Encoding");
        if (served.rendered()) {
            response.setHeader("Server-Timing", String.format(Locale.ROOT, "render;dur=%.1f", page.renderMillis()));
        }
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return HttpServletResponse.SC_NOT_MODIFIED;
        }
        byte[] body = gzip ? page.gzip() : page.identity();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        return HttpServletResponse.SC_OK;
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); either encoding's tag matches (weak comparison). */
    private static boolean notModified(HttpServletRequest request, PreparedPage page) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            if (ifNoneMatch.strip().equals("*")) {
                return true;
            }
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("\"" + page.etag() + "\"") || t.equals("\"" + page.etag() + GZIP_SUFFIX + "\"")) {
                    return true;
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

    /** Whether Accept-Encoding admits gzip (a q of 0 refuses it). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].strip().replace(" ", "");
                    if (p.startsWith("q=")) {
                        try {
                            return Double.parseDouble(p.substring(2)) > 0;
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }
}
