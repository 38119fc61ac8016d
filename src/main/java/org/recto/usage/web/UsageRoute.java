package org.recto.usage.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.recto.article.ArticleCatalog;
import org.recto.usage.ArticleUsage;
import org.recto.usage.MonthlyUsage;
import org.recto.usage.UsageFigures;
import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.recto.web.JsonResponses;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/articles/{doi}/usage}: the article's COUNTER figures as of the last roll-up; before
 * the first roll-up, 200 with zeros and {@code "rolledUp": false}. 503 only when the figures cannot be read.
 */
@Component
class UsageRoute implements DoiRoute {

    private final UsageFigures figures;
    private final ArticleCatalog catalog;
    private final JsonResponses json;

    UsageRoute(UsageFigures figures, ArticleCatalog catalog, JsonResponses json) {
        this.figures = figures;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public Scope scope() {
        return Scope.API;
    }

    @Override
    public String action() {
        return "usage";
    }

    @Override
    public void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (json.refusedAsMalformed(doi, request, response)) {
            return;
        }
        boolean known;
        try {
            known = catalog.find(doi.doi()).isPresent();
        } catch (RuntimeException e) {
            known = true; // the store is down: answer with the figures, which live elsewhere
        }
        if (!known) {
            json.problem(request, response, 404, "Not Found", "No article with this DOI");
            return;
        }
        Optional<ArticleUsage> usage = figures.forArticle(doi.doi());
        if (usage.isEmpty()) {
            json.problem(request, response, 503, "Service Unavailable", "Usage data cannot currently be displayed");
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=300");
        json.write(request, response, 200, UsageJson.of(usage.get()));
    }

    /** The JSON answer: the panel's figures, the COUNTER totals by Metric_Type, and month by month. */
    record UsageJson(String doi, boolean rolledUp, long htmlViews, long pdfViews, long epubViews, long abstractViews,
                     String capturedFrom, String capturedTo,
                     @JsonProperty("Total_Item_Investigations") long totalItemInvestigations,
                     @JsonProperty("Total_Item_Requests") long totalItemRequests,
                     @JsonProperty("Unique_Item_Investigations") long uniqueItemInvestigations,
                     @JsonProperty("Unique_Item_Requests") long uniqueItemRequests,
                     @JsonProperty("No_License") long noLicense,
                     List<MonthJson> months) {

        static UsageJson of(ArticleUsage u) {
            return new UsageJson(u.doi(), u.rolledUp(), u.htmlViews(), u.pdfViews(), u.epubViews(), u.abstractViews(),
                    u.capturedFrom() == null ? null : u.capturedFrom().toString(),
                    u.capturedTo() == null ? null : u.capturedTo().toString(),
                    total(u, "Total_Item_Investigations"), total(u, "Total_Item_Requests"),
                    total(u, "Unique_Item_Investigations"), total(u, "Unique_Item_Requests"), total(u, "No_License"),
                    u.months().stream().map(MonthJson::of).toList());
        }

        private static long total(ArticleUsage u, String metric) {
            return u.metricTotals().getOrDefault(metric, 0L);
        }
    }

    record MonthJson(String month, long htmlViews, long pdfViews, long epubViews, long abstractViews,
                     @JsonProperty("Total_Item_Investigations") long totalItemInvestigations,
                     @JsonProperty("Total_Item_Requests") long totalItemRequests,
                     @JsonProperty("Unique_Item_Requests") long uniqueItemRequests) {

        static MonthJson of(MonthlyUsage m) {
            return new MonthJson(m.month().toString(), m.htmlViews(), m.pdfViews(), m.epubViews(), m.abstractViews(),
                    m.totalItemInvestigations(), m.fullTextViews(), m.uniqueItemRequests());
        }
    }
}
