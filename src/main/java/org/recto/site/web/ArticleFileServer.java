package org.recto.site.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.recto.article.ArticleFile;
import org.recto.article.ArticleFiles;
import org.recto.web.DoiRequest;
import org.recto.web.VersionParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /doi/{doi}/files/{name}}: a file of the version's package, as imported, or with
 * {@code ?rendition=web} the PNG a browser shows for a TIFF. Served as data: never sniffed, never run, and
 * anything but an image offered as a download.
 */
final class ArticleFileServer {

    static final String WEB = "web";

    private final ArticleFiles files;

    ArticleFileServer(ArticleFiles files) {
        this.files = files;
    }

    void send(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Integer requested;
        try {
            requested = VersionParameter.of(request);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        int version = requested != null ? requested : files.latestVersion(doi.doi()).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no article with the DOI " + doi.doi() + " here."));
        String rendition = request.getParameter("rendition");
        if (rendition != null && !WEB.equals(rendition)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The only rendition is ?rendition=web.");
        }
        Optional<ArticleFile> found = rendition == null ? files.find(doi.doi(), version, doi.subPath())
                : files.webRendition(doi.doi(), version, doi.subPath());
        ArticleFile file = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Version " + version + " of " + doi.doi() + " has no file " + doi.subPath()
                        + (rendition == null ? "." : " with a web rendition.")));
        String etag = "\"" + sha256(file.bytes()).substring(0, 32) + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, requested != null ? "public, max-age=86400" : "public, max-age=300");
        if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        response.setContentType(file.mediaType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        String filename = fileName(file.name(), rendition != null);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                (isImage(file.mediaType()) ? "inline" : "attachment") + "; filename=\"" + filename + "\"");
        response.setContentLength(file.bytes().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(file.bytes());
        }
    }

    /** Images a browser shows inline; SVG is not among them, since it can hold script. */
    static boolean isImage(String mediaType) {
        return mediaType.startsWith("image/") && !mediaType.startsWith("image/svg");
    }

    private static String fileName(String name, boolean web) {
        String last = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return web ? last + ".png" : last;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
