package org.recto.formats.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.recto.formats.internal.CitationExports;
import org.recto.formats.internal.CitationService;
import org.recto.usage.UsageAction;
import org.recto.web.DoiRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /doi/{doi}/cite}: with {@code ?format=ris|bibtex|enw|csl-json} the reference-manager file; with
 * {@code ?style=<CSL style id>} the reference formatted in that style (an HTML page, or plain text with
 * {@code &format=text}); with neither, the page of the common styles. Each answer is a COUNTER
 * Investigation (an export). An unknown format or style is a 400 that names a few valid ones.
 */
@Component
class CiteHandler {

    private final ArticleCatalog catalog;
    private final CitationService citations;
    private final Readers readers;
    private final Messages messages;
    private final TemplateEngine templates;

    CiteHandler(ArticleCatalog catalog, CitationService citations, Readers readers, Messages messages,
                TemplateEngine templates) {
        this.catalog = catalog;
        this.citations = citations;
        this.readers = readers;
        this.messages = messages;
        this.templates = templates;
    }

    void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoredArticle stored = Articles.find(catalog, doi, request);
        String format = blankToNull(request.getParameter("format"));
        String style = blankToNull(request.getParameter("style"));
        if (style != null && !citations.styles().exists(style)) {
            messages.send(response, HttpServletResponse.SC_BAD_REQUEST, "Unknown citation style",
                    "There is no CSL style with the id “" + shorten(style) + "”. A style is named by its CSL id, for example: "
                            + String.join(", ", citations.styles().suggestions(style)) + ".",
                    links(stored, citations.styles().suggestions(style)));
            return;
        }
        if (format != null && style == null) {
            CitationExports export = CitationExports.of(format);
            if (export == null) {
                badFormat(stored, format, response);
                return;
            }
            String body = export.write(citations.item(stored));
            send(response, request, export.mediaType() + ";charset=UTF-8", body,
                    "attachment; filename=\"" + Articles.fileName(stored) + "." + export.extension() + "\"");
        } else if (style != null && "text".equals(format)) {
            send(response, request, "text/plain;charset=UTF-8",
                    citations.styles().text(citations.key(stored), citations.item(stored), style) + "\n", null);
        } else if (format == null || "html".equals(format)) {
            Map<String, Object> model = new HashMap<>();
            model.put("title", stored.article().titleText());
            model.put("articlePath", Articles.pagePath(stored) + Articles.versionQuery(stored));
            model.put("panel", citations.citePanel(stored));
            model.put("style", style);
            model.put("styled", style == null ? null : citations.styles().html(citations.key(stored), citations.item(stored), style));
            StringOutput html = new StringOutput();
            templates.render("formats/cite.jte", model, html);
            send(response, request, "text/html;charset=UTF-8", html.toString(), null);
        } else {
            badFormat(stored, format, response);
            return;
        }
        if (!"HEAD".equals(request.getMethod())) {
            readers.did(stored.article().doi(), UsageAction.EXPORT, request);
        }
    }

    private void badFormat(StoredArticle stored, String format, HttpServletResponse response) throws IOException {
        String valid = Arrays.stream(CitationExports.values()).map(CitationExports::parameter).collect(Collectors.joining(", "));
        messages.send(response, HttpServletResponse.SC_BAD_REQUEST, "Unknown citation format",
                "There is no citation format “" + shorten(format) + "”. The formats are " + valid
                        + " (and, with a style, html or text).", Map.of());
    }

    private static Map<String, String> links(StoredArticle stored, java.util.List<String> styles) {
        Map<String, String> links = new LinkedHashMap<>();
        String base = Articles.pagePath(stored) + "/cite?style=";
        String version = stored.isLatest() ? "" : "&version=" + stored.version();
        styles.forEach(s -> links.put(s, base + s + version));
        return links;
    }

    private static void send(HttpServletResponse response, HttpServletRequest request, String type, String body,
                             String disposition) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (disposition != null) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
