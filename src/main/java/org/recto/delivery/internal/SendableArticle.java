package org.recto.delivery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.formats.ArticleFormats;
import org.recto.formats.AvailableFormat;
import org.recto.formats.FormatKind;
import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.recto.web.VersionParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/** The article version a send page is about, its formats, and the file sent with a name made from its title. */
@Component
public class SendableArticle {

    private final ArticleCatalog catalog;
    private final ArticleFormats formats;

    public SendableArticle(ArticleCatalog catalog, ArticleFormats formats) {
        this.catalog = catalog;
        this.formats = formats;
    }

    /** The version of {@code ?version=N} (or the form's field), else the latest; a 404 page when there is none. */
    public StoredArticle find(DoiRequest doi, HttpServletRequest request) {
        Integer version;
        try {
            version = VersionParameter.of(request);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        var stored = !doi.wellFormed() ? java.util.Optional.<StoredArticle>empty()
                : version == null ? catalog.find(doi.doi()) : catalog.find(doi.doi(), version);
        return stored.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, version == null
                ? "There is no article with the DOI " + doi.doi() + " here."
                : "There is no version " + version + " of the article " + doi.doi() + " here."));
    }

    public List<AvailableFormat> formats(StoredArticle stored) {
        return formats.available(stored.article().doi(), stored.version(), stored.isLatest());
    }

    /** The file's bytes; IOException with a reader's reason when it could not be made. */
    public Path file(StoredArticle stored, FormatKind kind) throws IOException {
        return formats.file(stored, kind);
    }

    public static long size(Path file) throws IOException {
        return Files.size(file);
    }

    /** The landing page of the version: {@code /doi/{doi}}, with {@code ?version=N} for an earlier one. */
    public static String pagePath(StoredArticle stored) {
        return DoiRoute.Scope.PAGE.link(stored.article().doi(), "");
    }

    public static String versionQuery(StoredArticle stored) {
        return stored.isLatest() ? "" : "?version=" + stored.version();
    }

    /**
     * A file name from the title, as a reader would save it: characters that file systems refuse taken out,
     * at most 120 characters (cut at a word), then the extension; the DOI when the title leaves nothing.
     */
    public static String fileName(StoredArticle stored, FormatKind kind) {
        String title = stored.article().titleText().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ")
                .replaceAll("\\s+", " ").strip();
        if (title.length() > 120) {
            int cut = title.lastIndexOf(' ', 120);
            title = title.substring(0, cut > 60 ? cut : 120).strip();
        }
        title = title.replaceAll("^[. ]+|[. ]+$", "");
        if (title.isEmpty()) {
            title = stored.article().doi().replaceAll("[^A-Za-z0-9._-]", "_");
        }
        return (stored.isLatest() ? title : title + " (version " + stored.version() + ")") + "." + kind.extension();
    }
}
