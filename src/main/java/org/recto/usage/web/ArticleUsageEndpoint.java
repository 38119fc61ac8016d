package org.recto.usage.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.recto.article.ArticleCatalog;
import org.recto.usage.ArticleUsage;
import org.recto.usage.MonthlyUsage;
import org.recto.usage.UsageFigures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/articles/{doi}/usage}. A DOI's suffix may hold slashes, and Spring's path patterns allow a
 * multi-segment variable only at the end, so this small handler mapping, consulted before the controllers,
 * claims exactly the GET/HEAD paths under {@code /api/v1/articles/} that end in {@code /usage} (no other
 * article API, e.g. {@code .../notes}, is touched).
 */
@Component
class ArticleUsageEndpoint extends AbstractHandlerMapping implements HttpRequestHandler {

    private static final String PREFIX = "/api/v1/articles/";
    private static final String SUFFIX = "/usage";

    private final UsageFigures figures;
    private final ObjectProvider<ArticleCatalog> catalog;
    private final JsonMapper json = JsonMapper.builder().build();

    ArticleUsageEndpoint(UsageFigures figures, ObjectProvider<ArticleCatalog> catalog) {
        this.figures = figures;
        this.catalog = catalog;
        setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String path = pathOf(request);
        return path.startsWith(PREFIX) && path.endsWith(SUFFIX) && path.length() > PREFIX.length() + SUFFIX.length()
                ? this : null;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String ctx = request.getContextPath();
        return ctx != null && !ctx.isEmpty() && uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = pathOf(request);
        String doi;
        try {
            doi = UriUtils.decode(raw.substring(PREFIX.length(), raw.length() - SUFFIX.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            problem(response, 400, "Bad Request", "The DOI in the path is not validly percent-encoded");
            return;
        }
        if (!doi.matches("10\\.\\d{4,9}/\\S+") || doi.length() > 300) {
            problem(response, 400, "Bad Request", "Not a DOI (10.NNNN/suffix, at most 300 characters)");
            return;
        }
        ArticleCatalog c = catalog.getIfAvailable();
        if (c != null) {
            boolean known;
            try {
                known = c.find(doi).isPresent();
            } catch (RuntimeException e) {
                known = true; // the store is down: answer with the figures, which live elsewhere
            }
            if (!known) {
                problem(response, 404, "Not Found", "No article with this DOI");
                return;
            }
        }
        Optional<ArticleUsage> usage = figures.forArticle(doi);
        if (usage.isEmpty()) {
            problem(response, 503, "Service Unavailable", "Usage data cannot currently be displayed");
            return;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        byte[] body = json.writeValueAsBytes(toJson(usage.get()));
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    static Map<String, Object> toJson(ArticleUsage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doi", u.doi());
        m.put("htmlViews", u.htmlViews());
        m.put("pdfViews", u.pdfViews());
        m.put("epubViews", u.epubViews());
        m.put("abstractViews", u.abstractViews());
        m.put("capturedFrom", u.capturedFrom().toString());
        m.put("capturedTo", u.capturedTo().toString());
        m.putAll(u.metricTotals());
        List<Map<String, Object>> months = new ArrayList<>();
        for (MonthlyUsage mu : u.months()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("month", mu.month().toString());
            x.put("htmlViews", mu.htmlViews());
            x.put("pdfViews", mu.pdfViews());
            x.put("epubViews", mu.epubViews());
            x.put("abstractViews", mu.abstractViews());
            x.put("Total_Item_Investigations", mu.totalItemInvestigations());
            x.put("Total_Item_Requests", mu.fullTextViews());
            x.put("Unique_Item_Requests", mu.uniqueItemRequests());
            months.add(x);
        }
        m.put("months", months);
        return m;
    }

    private void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }
}
