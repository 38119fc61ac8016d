package org.recto.usage.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.admin.AdminToken;
import org.recto.usage.internal.RollupResult;
import org.recto.usage.internal.RollupService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/usage/rollup}: runs the daily roll-up now (admin token required). */
@RestController
class UsageAdminController {

    private final RollupService rollup;
    private final AdminToken token;

    UsageAdminController(RollupService rollup, AdminToken token) {
        this.rollup = rollup;
        this.token = token;
    }

    @PostMapping("/api/v1/admin/usage/rollup")
    ResponseEntity<?> rollup(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!token.accepts(authorization)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "This needs the admin token: Authorization: Bearer <recto.admin-token>");
            p.setType(URI.create("about:blank"));
            p.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(p);
        }
        List<String> log = new ArrayList<>();
        RollupResult r = rollup.run(log::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ran", r.ran());
        body.put("daysRolled", r.daysRolled());
        body.put("events", r.events());
        body.put("coveredTo", r.coveredTo() == null ? null : r.coveredTo().toString());
        body.put("seconds", r.took().toMillis() / 1000.0);
        body.put("lockedBy", r.lockedBy());
        body.put("log", log);
        return ResponseEntity.status(r.ran() ? HttpStatus.OK : HttpStatus.CONFLICT).body(body);
    }
}
