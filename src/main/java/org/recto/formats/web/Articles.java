package org.recto.formats.web;

import java.nio.charset.StandardCharsets;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

import jakarta.servlet.http.HttpServletRequest;

/** The article version a formats route is asked for, and the names made from it. */
final class Articles {

    private Articles() {
    }

    /** The version of {@code ?version=N}, else the latest; a 404 (with the site's not-found page) when there is none. */
    static StoredArticle find(ArticleCatalog catalog, DoiRequest doi, HttpServletRequest request) {
        Integer version = version(request);
        var stored = !doi.wellFormed() ? java.util.Optional.<StoredArticle>empty()
                : version == null ? catalog.find(doi.doi()) : catalog.find(doi.doi(), version);
        return stored.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, version == null
                ? "There is no article with the DOI " + doi.doi() + " here."
                : "There is no version " + version + " of the article " + doi.doi() + " here."));
    }

    static Integer version(HttpServletRequest request) {
        String raw = request.getParameter("version");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The version must be a whole number, as in ?version=2.");
        }
    }

    /** A file name from the DOI: "10.1017_S0260210517000407", with "-v2" for an earlier version. */
    static String fileName(StoredArticle stored) {
        String base = stored.article().doi().replaceAll("[^A-Za-z0-9._-]", "_");
        return stored.isLatest() ? base : base + "-v" + stored.version();
    }

    static String pagePath(StoredArticle stored) {
        return DoiRoute.Scope.PAGE.path(UriUtils.encodePath(stored.article().doi(), StandardCharsets.UTF_8), "");
    }

    static String versionQuery(StoredArticle stored) {
        return stored.isLatest() ? "" : "?version=" + stored.version();
    }
}
