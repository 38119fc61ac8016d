package org.recto.ingest.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.recto.article.ArticleStore;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.recto.ingest.internal.JatsPackage;
import org.recto.web.DoiRoute.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/articles}: one JATS document in the body (or, with {@code Content-Type: application/zip}, a
 * JATS package: the article XML with its graphics and supplementary files), an admin bearer token in the header.
 * 201 with the landing page's address (200 when the identical XML is already stored); 400 problem+json listing every problem; 401 without a valid token.
 */
@RestController
class ArticleImportController {

    private final JatsIngest ingest;

    ArticleImportController(JatsIngest ingest) {
        this.ingest = ingest;
    }

    /** The admin token is checked by the web edge's security filter chain before this runs. */
    @PostMapping("/api/v1/articles")
    ResponseEntity<?> importArticle(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ingest.maxBytes() + 1));
        }
        if (body.length > ingest.maxBytes()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The document is larger than the import limit of " + ingest.maxBytes() / (1024 * 1024) + " MB.");
            problem.setTitle("Document too large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        if (body.length == 0) {
            return badRequest(List.of(Map.of("file", "request body", "line", 0, "column", 0,
                    "message", "the request body is empty: send one JATS XML document")));
        }
        IngestResult result;
        if (isZip(request.getContentType())) {
            JatsPackage.Contents contents;
            try {
                contents = JatsPackage.fromZip(new ByteArrayInputStream(body), ingest.maxBytes());
            } catch (IOException e) {
                return badRequest(List.of(Map.of("file", "request body", "line", 0, "column", 0,
                        "message", "the JATS package was refused: " + e.getMessage())));
            }
            result = ingest.ingestPackage(contents.xml(), "request body!" + contents.xmlName(), contents.files());
        } else {
            result = ingest.ingest(body, "request body");
        }
        if (!result.ok()) {
            return badRequest(result.problems().stream()
                    .map(p -> Map.<String, Object>of("file", p.file(), "line", p.line(), "column", p.column(), "message", p.message()))
                    .toList());
        }
        URI location = URI.create(Scope.PAGE.link(result.doi(), ""));
        // Identical XML again stores nothing: 200 with the version that already holds it, not 201 Created.
        var status = result.outcome() == ArticleStore.Outcome.UNCHANGED ? ResponseEntity.ok().location(location)
                : ResponseEntity.created(location);
        return status
                .body(Map.of("doi", result.doi(), "version", result.version(), "outcome", result.outcome().name().toLowerCase(),
                        "location", location.toString(), "warnings", result.warnings()));
    }

    private static boolean isZip(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/zip");
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, Object>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? String.valueOf(errors.get(0).get("message"))
                        : errors.size() + " problems: " + errors.get(0).get("message") + " …");
        problem.setTitle("The JATS document was not imported");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
