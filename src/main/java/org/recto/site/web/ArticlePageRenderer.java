package org.recto.site.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.formats.ArticleFormats;
import org.recto.formats.CitationFormats;
import org.recto.site.pages.PageCompression;
import org.recto.site.pages.PageKey;
import org.recto.site.pages.PreparedPage;
import org.recto.attention.Attention;
import org.recto.discovery.RelatedContent;
import org.recto.usage.UsageFigures;
import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders an article page variant to the bytes the cache keeps: reads the version, composes its
 * {@link ArticlePage} (references as parsed at publish time) and the usage panel, and runs the template.
 */
@Component
class ArticlePageRenderer {

    private final ArticleCatalog catalog;
    private final ArticlePageFactory pages;
    private final UsageFigures usage;
    private final RelatedContent related;
    private final Attention attention;
    private final TemplateEngine templates;
    private final PageCompression compression;
    private final Clock clock;
    private final ArticleFormats formats;
    private final CitationFormats citations;

    ArticlePageRenderer(ArticleCatalog catalog, ArticlePageFactory pages, UsageFigures usage, RelatedContent related,
                        Attention attention, ArticleFormats formats, CitationFormats citations, TemplateEngine templates,
                        PageCompression compression, Clock clock) {
        this.related = related;
        this.attention = attention;
        this.formats = formats;
        this.citations = citations;
        this.catalog = catalog;
        this.pages = pages;
        this.usage = usage;
        this.templates = templates;
        this.compression = compression;
        this.clock = clock;
    }

    /** The page, or empty when the store has no such article or version. */
    Optional<PreparedPage> render(PageKey key) {
        long started = System.nanoTime();
        Optional<StoredArticle> stored = key.version() == null ? catalog.find(key.doiKey())
                : catalog.find(key.doiKey(), key.version());
        return stored.map(s -> {
            Map<String, Object> model = new HashMap<>();
            model.put("page", pages.build(s, key.plainNotes(), key.kind() == PageKey.Kind.FULL_TEXT));
            model.put("plainNotes", key.plainNotes());
            model.put("usage", usage.forArticle(s.article().doi()).orElse(null));
            model.put("related", related.of(s.article().doi()).orElse(null));
            model.put("attention", attention.score(s.article().doi()));
            if (key.kind() == PageKey.Kind.LANDING) {
                model.put("formats", formats.available(s.article().doi(), s.version(), s.isLatest()));
                model.put("cite", citations.citePanel(s));
            }
            StringOutput html = new StringOutput(64 * 1024);
            templates.render(key.kind() == PageKey.Kind.LANDING ? "pages/article.jte" : "pages/fulltext.jte", model, html);
            byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
            return compression.prepare(bytes, clock.instant(), (System.nanoTime() - started) / 1e6);
        });
    }
}
