package org.recto.discovery.web;

import java.io.IOException;
import java.util.List;

import org.recto.article.ArticleCatalog;
import org.recto.discovery.RelatedContent;
import org.recto.discovery.RelatedContent.SimilarArticle;
import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.recto.web.JsonResponses;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/articles/{doi}/related}: the article's concepts and similar articles, most related first. */
@Component
class RelatedRoute implements DoiRoute {

    private final RelatedContent related;
    private final ArticleCatalog catalog;
    private final JsonResponses json;

    RelatedRoute(RelatedContent related, ArticleCatalog catalog, JsonResponses json) {
        this.related = related;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public Scope scope() {
        return Scope.API;
    }

    @Override
    public String action() {
        return "related";
    }

    @Override
    public void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (json.refusedAsMalformed(doi, request, response)) {
            return;
        }
        if (catalog.find(doi.doi()).isEmpty()) {
            json.problem(request, response, 404, "Not Found", "No article with this DOI");
            return;
        }
        var content = related.of(doi.doi());
        if (content.isEmpty()) {
            json.problem(request, response, 503, "Service Unavailable",
                    "The related content of this article is being computed; ask again in a moment");
            return;
        }
        json.write(request, response, 200, new RelatedJson(content.get().concepts(), content.get().articles()));
    }

    record RelatedJson(List<String> concepts, List<SimilarArticle> articles) {
    }
}
