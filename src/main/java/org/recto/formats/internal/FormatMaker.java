package org.recto.formats.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleFiles;
import org.recto.article.RelatedArticle;
import org.recto.article.Relation;
import org.recto.article.StoredArticle;
import org.recto.formats.FormatKind;

/** Makes the bytes of one format of one version: the print edition, its notices, then the PDF or the EPUB. */
public final class FormatMaker {

    /** Past this much body HTML a version is not laid out (it would take minutes and gigabytes). */
    static final int MAX_HTML_CHARS = 20_000_000;

    private final ArticleCatalog catalog;
    private final ArticleFiles files;
    private final PdfMaker pdf = new PdfMaker();
    private final EpubMaker epub = new EpubMaker();

    /**
     * @param catalog where the notices come from; null for a tool that gives them itself
     * @param files   the versions' package files, whose images the figures draw; null for a tool without a store
     */
    public FormatMaker(ArticleCatalog catalog, ArticleFiles files) {
        this.catalog = catalog;
        this.files = files;
    }

    /** The file, given up (with {@link RenderDeadline.Abandoned}) once the deadline passes. */
    byte[] make(StoredArticle stored, FormatKind kind, RenderDeadline deadline) throws IOException {
        return make(stored, kind, notices(stored.article()), deadline);
    }

    /** The file, with the first page's notices given (a tool that has no store at hand). */
    public byte[] make(StoredArticle stored, FormatKind kind, List<String> notices) throws IOException {
        return make(stored, kind, notices, RenderDeadline.NONE);
    }

    private byte[] make(StoredArticle stored, FormatKind kind, List<String> notices, RenderDeadline deadline) throws IOException {
        Article a = stored.article();
        if (a.body().html().length() > MAX_HTML_CHARS) {
            throw new IOException("the article's text is too long to lay out (" + a.body().html().length() + " characters)");
        }
        Document edition = PrintEdition.of(stored, notices);
        List<EmbeddedImage> images = DocumentCleanup.apply(edition, PackageImages.of(files, a.doi(), stored.version()));
        deadline.check();
        return kind == FormatKind.PDF ? pdf.make(a, edition, images, deadline)
                : epub.make(a, edition, images, stored.importedAt(), deadline);
    }

    /** The first page's notices: corrections, retractions and expressions of concern, in both directions. */
    List<String> notices(Article a) {
        List<String> notices = new ArrayList<>();
        for (Relation r : catalog == null ? List.<Relation>of() : catalog.relationsTo(a.doi())) {
            String what = switch (r.type() == null ? "" : r.type()) {
                case "corrected-article" -> "A correction has been issued for this article: https://doi.org/";
                case "retracted-article" -> "This article has been retracted: see https://doi.org/";
                case "object-of-concern", "expressed-concern" -> "An expression of concern has been issued for this article: https://doi.org/";
                default -> null;
            };
            if (what != null) {
                notices.add(what + r.sourceDoi());
            }
        }
        for (RelatedArticle link : a.relatedArticles()) {
            if (link.doi() == null) {
                continue;
            }
            String what = switch (link.type() == null ? "" : link.type().toLowerCase(Locale.ROOT)) {
                case "corrected-article" -> "This is a correction to https://doi.org/";
                case "retracted-article" -> "This notice retracts https://doi.org/";
                case "correction-forward" -> "A correction has been issued for this article: https://doi.org/";
                case "retraction-forward" -> "This article has been retracted: see https://doi.org/";
                default -> null;
            };
            if (what != null && !notices.contains(what + link.doi())) {
                notices.add(what + link.doi());
            }
        }
        return notices;
    }
}
