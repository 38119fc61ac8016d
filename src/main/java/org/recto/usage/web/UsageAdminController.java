package org.recto.usage.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.usage.internal.RollupResult;
import org.recto.usage.internal.RollupService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/usage/rollup}: runs the daily roll-up now (admin token required). */
@RestController
class UsageAdminController {

    private final RollupService rollup;

    UsageAdminController(RollupService rollup) {
        this.rollup = rollup;
    }

    /** The admin token is checked by the web edge's security filter chain. */
    @PostMapping("/api/v1/admin/usage/rollup")
    ResponseEntity<?> rollup() {
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
