package org.recto.site.web;

import java.io.IOException;

import org.recto.site.pages.PageCache;
import org.recto.site.pages.PageKey;
import org.recto.site.pages.PreparedPageResponses;
import org.recto.usage.UsageAction;
import org.recto.web.DoiRequest;
import org.recto.web.VersionParameter;
import org.springframework.stereotype.Component;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The landing page ({@code /doi/{doi}}) and the full text ({@code /doi/{doi}/full}), each variant
 * ({@code ?version=N}, {@code ?notes=plain}) served from the bytes prepared on its first request. Every
 * page a reader gets, 200 or 304, is counted once; HEAD and errors are not views.
 */
@Component
class ArticlePageServer {

    private final PageCache cache;
    private final ArticlePageRenderer renderer;
    private final PreparedPageResponses responses;
    private final ReaderActions readers;

    ArticlePageServer(PageCache cache, ArticlePageRenderer renderer, PreparedPageResponses responses,
                      ReaderActions readers) {
        this.cache = cache;
        this.renderer = renderer;
        this.responses = responses;
        this.readers = readers;
    }

    void landing(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(doi, PageKey.Kind.LANDING, UsageAction.ABSTRACT, request, response);
    }

    void fullText(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(doi, PageKey.Kind.FULL_TEXT, UsageAction.FULL_TEXT_HTML, request, response);
    }

    private void serve(DoiRequest doi, PageKey.Kind kind, UsageAction action, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        Integer version = requestedVersion(request);
        if (!doi.wellFormed()) {
            throw notFound("There is no article with the DOI " + doi.doi() + " here.");
        }
        PageKey key = PageKey.of(doi.doi(), version, kind, "plain".equals(request.getParameter("notes")));
        var served = cache.get(key, renderer::render);
        if (served.isEmpty()) {
            throw notFound(version == null ? "There is no article with the DOI " + doi.doi() + " here."
                    : "There is no version " + version + " of the article " + doi.doi() + " here.");
        }
        // Recorded before the bytes go out, so the view carries the time it was asked for, not a later one.
        if (!"HEAD".equals(request.getMethod())) {
            readers.viewed(doi.doi(), action, request, response);
        }
        responses.send(served.get(), request, response);
    }

    /** Shown on the error page, whose template escapes it. */
    private static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }

    /** {@code ?version=N}, or null for the latest; the article's pages and its JATS read it alike. */
    static Integer requestedVersion(HttpServletRequest request) {
        try {
            return VersionParameter.of(request);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
