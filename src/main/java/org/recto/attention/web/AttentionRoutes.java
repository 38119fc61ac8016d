package org.recto.attention.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.attention.Attention;
import org.recto.attention.AttentionScore;
import org.recto.web.DoiRoute;
import org.recto.web.JsonResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/articles/{doi}/attention} (the score and its make-up) and {@code /doi/{doi}/attention} (the
 * page listing the mentions by source).
 */
@Configuration(proxyBeanMethods = false)
class AttentionRoutes {

    @Bean
    DoiRoute attentionApi(Attention attention, ArticleCatalog catalog, JsonResponses json) {
        return DoiRoute.of(DoiRoute.Scope.API, "attention", (doi, request, response) -> {
            if (json.refusedAsMalformed(doi, request, response)) {
                return;
            }
            if (catalog.find(doi.doi()).isEmpty()) {
                json.problem(request, response, 404, "Not Found", "No article with this DOI");
                return;
            }
            json.write(request, response, 200, AttentionJson.of(attention.score(doi.doi())));
        });
    }

    @Bean
    DoiRoute attentionPage(Attention attention, ArticleCatalog catalog, TemplateEngine templates) {
        return DoiRoute.of(DoiRoute.Scope.PAGE, "attention", (doi, request, response) -> {
            StoredArticle stored = doi.wellFormed() ? catalog.find(doi.doi()).orElse(null) : null;
            if (stored == null) {
                response.sendError(404, "There is no article with the DOI " + doi.doi() + " here.");
                return;
            }
            String canonical = stored.article().doi();
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("doi", canonical);
            model.put("title", stored.article().titleText());
            model.put("score", attention.score(canonical));
            model.put("mentions", attention.mentions(canonical));
            render(templates, "attention/details.jte", model, request, response);
        });
    }

    static void render(TemplateEngine templates, String name, Map<String, Object> model, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        StringOutput html = new StringOutput();
        templates.render(name, model, html);
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    /** The JSON answer: {@code score} and {@code sources} (source: mentions, counted, weight, contribution). */
    record AttentionJson(String doi, int score, Map<String, SourceJson> sources) {

        static AttentionJson of(AttentionScore s) {
            Map<String, SourceJson> sources = new LinkedHashMap<>();
            s.sources().forEach((k, v) -> sources.put(k, new SourceJson(v.mentions(), v.counted(), v.weight(),
                    v.contribution())));
            return new AttentionJson(s.doi(), s.score(), sources);
        }
    }

    record SourceJson(int mentions, int counted, BigDecimal weight, BigDecimal contribution) {
    }

}
