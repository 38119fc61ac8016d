package org.recto.references.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.recto.article.ArticleCatalog;
import org.recto.references.ArticleCitations;
import org.recto.references.Citation;
import org.recto.references.Citations;
import org.recto.references.Field;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/articles/{doi}/notes}: each note's label, commentary and citations, every
 * citation with its fields (each with its {@code text} as written in the note and its {@code value}
 * without joining punctuation and cue words), DOI, URL and {@code resolvesTo} (the label of the note
 * holding the full reference; null for a full reference). A DOI's suffix may contain slashes, so the path is read whole.
 */
@RestController
class NotesApiController {

    private final ArticleCatalog catalog;
    private final Citations citations;

    NotesApiController(ArticleCatalog catalog, Citations citations) {
        this.catalog = catalog;
        this.citations = citations;
    }

    @GetMapping("/api/v1/articles/{prefix}/{*rest}")
    ResponseEntity<?> notes(@PathVariable String prefix, @PathVariable String rest) {
        String path = prefix + rest;
        if (!path.endsWith("/notes")) {
            return problem(HttpStatus.NOT_FOUND,
                    "There is no such resource; an article's notes are at /api/v1/articles/{doi}/notes.");
        }
        String doi = path.substring(0, path.length() - "/notes".length());
        return catalog.find(doi)
                .<ResponseEntity<?>>map(stored -> ResponseEntity.ok(body(citations.of(stored))))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "There is no article with the DOI " + doi + " here."));
    }

    private static Map<String, Object> body(ArticleCitations cited) {
        return Map.of("doi", cited.doi(), "version", cited.version(),
                "notes", cited.notes().stream().map(n -> Map.of(
                        "label", n.label() == null ? "" : n.label(),
                        "commentary", n.commentary() == null ? "" : n.commentary(),
                        "citations", n.citations().stream().map(NotesApiController::citation).toList())).toList());
    }

    private static Map<String, Object> citation(Citation c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", c.text());
        json.put("fields", c.fields().stream().map(NotesApiController::field).toList());
        json.put("doi", c.doi());
        json.put("url", c.url());
        json.put("resolvesTo", c.resolvesTo());
        json.put("resolvesToCitation", c.resolvesToCitation());
        json.put("pages", c.pages());
        return json;
    }

    private static Map<String, Object> field(Field f) {
        return Map.of("label", f.label(), "text", f.text(), "value", f.value());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
