package org.recto.site.web;

import java.io.IOException;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.web.DoiRequest;
import org.springframework.http.HttpHeaders;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /doi/{doi}/jats}: the JATS XML a version was imported from, served as data. */
final class JatsSource {

    private final ArticleCatalog catalog;

    JatsSource(ArticleCatalog catalog) {
        this.catalog = catalog;
    }

    void send(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Integer version = ArticlePageServer.requestedVersion(request);
        StoredArticle stored = (version == null ? catalog.find(doi.doi()) : catalog.find(doi.doi(), version)).orElse(null);
        if (stored == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no article with the DOI " + doi.doi() + " here.");
        }
        byte[] xml = catalog.jatsSource(stored.article().doi(), stored.version()).orElseThrow();
        response.setContentType("application/xml");
        // Served as data, never as a document that could run anything.
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "inline; filename=\"" + stored.article().doi().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml\"");
        response.setContentLength(xml.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(xml);
        }
    }
}
