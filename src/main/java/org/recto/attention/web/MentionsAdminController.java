package org.recto.attention.web;

import java.util.Map;

import org.recto.attention.AttentionProperties;
import org.recto.attention.internal.MentionIntake;
import org.recto.attention.internal.MentionReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/mentions} (admin token, checked by the security filter chain): a JSON array of mentions,
 * or JSON lines as {@code application/x-ndjson}. All or nothing: a batch with a bad mention stores none and
 * answers 400 listing every problem.
 */
@RestController
class MentionsAdminController {

    static final String NDJSON = "application/x-ndjson";

    private final MentionIntake intake;
    private final MentionReader reader;

    MentionsAdminController(MentionIntake intake, AttentionProperties properties) {
        this.intake = intake;
        this.reader = new MentionReader(properties.weights().keySet());
    }

    @PostMapping("/api/v1/admin/mentions")
    ResponseEntity<?> post(@RequestBody(required = false) String body,
                           @RequestHeader(value = "Content-Type", required = false) String contentType) {
        String text = body == null ? "" : body;
        boolean lines = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON);
        MentionReader.Read read = lines ? reader.jsonLines(text) : reader.jsonArray(text);
        if (!read.ok()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    read.problems().size() + " problem(s); nothing was stored");
            problem.setTitle("Mentions not accepted");
            problem.setProperty("errors", read.problems().stream().limit(1000).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        MentionIntake.Outcome outcome = intake.record(read.mentions());
        return ResponseEntity.ok(Map.of("received", outcome.received(), "added", outcome.added(),
                "duplicates", outcome.received() - outcome.added()));
    }
}
