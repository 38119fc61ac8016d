package org.recto.site.web;

import java.time.Clock;

import org.recto.usage.ReaderRequests;
import org.recto.usage.UsageAction;
import org.recto.usage.UsageRecorder;
import org.recto.usage.UsageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the usage module what a reader looked at. It reads and sets no cookie: pages are served as prepared bytes
 * that must be the same for every reader, a cookie would need consent, and a client that refuses or rotates cookies
 * would be a new reader on every request. The usage module tells readers apart by address and User-Agent instead
 * (COUNTER's own fallback), stored only as hashes under a secret of the day.
 */
@Component
class ReaderActions {

    private final UsageRecorder recorder;
    private final Clock clock;

    ReaderActions(UsageRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Records the view if a reader asked for it (the usage module's rule, {@link ReaderRequests#readerAsked}).
     *
     * @param response not written to (there is no cookie to set); kept so that the callers stay as they are
     */
    void viewed(String doi, UsageAction action, HttpServletRequest request, HttpServletResponse response) {
        if (!ReaderRequests.readerAsked(request)) {
            return;
        }
        recorder.record(new UsageRequest(clock.instant(), doi, action, request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT), null, false));
    }
}
