package org.recto.site.web;

import java.util.Optional;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.usage.UsageAction;
import org.recto.usage.UsageFigures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An article's pages under its DOI: {@code /doi/{doi}} (landing page), {@code /doi/{doi}/full} (full
 * text) and {@code /doi/{doi}/jats} (the XML it came from); {@code ?version=N} shows an earlier version.
 * A DOI's suffix may itself contain slashes, so the path is read whole and the action taken off its end.
 */
@Controller
class ArticleController {

    private final ArticleCatalog catalog;
    private final ArticlePageFactory pages;
    private final UsageFigures usage;
    private final ReaderActions readers;

    ArticleController(ArticleCatalog catalog, ArticlePageFactory pages, UsageFigures usage, ReaderActions readers) {
        this.catalog = catalog;
        this.pages = pages;
        this.usage = usage;
        this.readers = readers;
    }

    @GetMapping("/doi/{prefix}/{*rest}")
    Object article(@PathVariable String prefix, @PathVariable String rest,
                   @RequestParam(required = false) Integer version, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        String path = prefix + rest;
        for (String action : new String[] {"full", "jats"}) {
            if (path.endsWith("/" + action)) {
                String doi = path.substring(0, path.length() - action.length() - 1);
                Optional<StoredArticle> found = find(doi, version);
                if (found.isPresent()) {
                    if ("jats".equals(action)) {
                        return jats(found.get());
                    }
                    readers.viewed(found.get().article().doi(), UsageAction.FULL_TEXT_HTML, request, response);
                    return show("pages/fulltext", found.get(), model);
                }
            }
        }
        StoredArticle stored = find(path, version)
                .orElseThrow(() -> SiteController.notFound("There is no article with the DOI " + path + " here."));
        readers.viewed(stored.article().doi(), UsageAction.ABSTRACT, request, response);
        return show("pages/article", stored, model);
    }

    private String show(String view, StoredArticle stored, Model model) {
        model.addAttribute("page", pages.build(stored));
        model.addAttribute("usage", usage.forArticle(stored.article().doi()).orElse(null));
        return view;
    }

    private Optional<StoredArticle> find(String doi, Integer version) {
        return version == null ? catalog.find(doi) : catalog.find(doi, version);
    }

    private ResponseEntity<byte[]> jats(StoredArticle stored) {
        byte[] xml = catalog.jatsSource(stored.article().doi(), stored.version()).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header("X-Content-Type-Options", "nosniff")
                // Served as data, never as a document that could run anything.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName(stored.article().doi()) + ".xml\"")
                .body(xml);
    }

    private static String fileName(String doi) {
        return doi.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
