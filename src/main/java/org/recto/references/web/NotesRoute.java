package org.recto.references.web;

import java.io.IOException;
import java.util.List;

import org.recto.article.ArticleCatalog;
import org.recto.references.ArticleCitations;
import org.recto.references.Citation;
import org.recto.references.Citations;
import org.recto.references.Field;
import org.recto.web.DoiRequest;
import org.recto.web.DoiRoute;
import org.recto.web.JsonResponses;
import org.recto.web.VersionParameter;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/articles/{doi}/notes}: each note's label, commentary and citations, every citation
 * with its fields (each with its {@code text} as written in the note and its {@code value} without joining
 * punctuation and cue words), DOI, URL and {@code resolvesTo} (the label of the note holding the full
 * reference; null for a full reference). {@code ?version=N} answers for that version, as the pages do.
 */
@Component
class NotesRoute implements DoiRoute {

    private final ArticleCatalog catalog;
    private final Citations citations;
    private final JsonResponses json;

    NotesRoute(ArticleCatalog catalog, Citations citations, JsonResponses json) {
        this.catalog = catalog;
        this.citations = citations;
        this.json = json;
    }

    @Override
    public Scope scope() {
        return Scope.API;
    }

    @Override
    public String action() {
        return "notes";
    }

    @Override
    public void handle(DoiRequest doi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Integer version;
        try {
            version = VersionParameter.of(request);
        } catch (IllegalArgumentException e) {
            json.problem(request, response, 400, "Bad Request", e.getMessage());
            return;
        }
        var stored = version == null ? catalog.find(doi.doi()) : catalog.find(doi.doi(), version);
        if (stored.isEmpty()) {
            json.problem(request, response, 404, "Not Found", version == null
                    ? "There is no article with the DOI " + doi.doi() + " here."
                    : "There is no version " + version + " of the article " + doi.doi() + " here.");
            return;
        }
        var cited = citations.of(stored.get());
        if (cited.isEmpty()) {
            response.setHeader("Retry-After", "5");
            json.problem(request, response, 503, "Service Unavailable",
                    "The notes of " + doi.doi() + " are being prepared; try again in a few seconds.");
            return;
        }
        json.write(request, response, 200, NotesJson.of(cited.get()));
    }

    /** The JSON answer. */
    record NotesJson(String doi, int version, List<NoteJson> notes) {

        static NotesJson of(ArticleCitations cited) {
            return new NotesJson(cited.doi(), cited.version(), cited.notes().stream()
                    .map(n -> new NoteJson(n.label() == null ? "" : n.label(), n.commentary() == null ? "" : n.commentary(),
                            n.citations().stream().map(CitationJson::of).toList()))
                    .toList());
        }
    }

    record NoteJson(String label, String commentary, List<CitationJson> citations) {
    }

    record CitationJson(String text, List<FieldJson> fields, String doi, String url, String resolvesTo,
                        Integer resolvesToCitation, String pages) {

        static CitationJson of(Citation c) {
            return new CitationJson(c.text(), c.fields().stream().map(FieldJson::of).toList(), c.doi(), c.url(),
                    c.resolvesTo(), c.resolvesToCitation(), c.pages());
        }
    }

    record FieldJson(String label, String text, String value) {

        static FieldJson of(Field f) {
            return new FieldJson(f.label(), f.text(), f.value());
        }
    }
}
