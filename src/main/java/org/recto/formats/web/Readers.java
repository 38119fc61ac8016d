package org.recto.formats.web;

import java.time.Clock;

import org.recto.usage.ReaderRequests;
import org.recto.usage.UsageAction;
import org.recto.usage.UsageRecorder;
import org.recto.usage.UsageRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/** Reports downloads (Requests) and citation exports (Investigations) to the usage module, as the site reports views. */
@Component
class Readers {

    private final UsageRecorder recorder;
    private final Clock clock;

    Readers(UsageRecorder recorder, ObjectProvider<Clock> clock) {
        this.recorder = recorder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Records the download or export if a reader asked for it (the usage module's rule: no HEAD, prefetch or sub-resource). */
    void did(String doi, UsageAction action, HttpServletRequest request) {
        if (!ReaderRequests.readerAsked(request)) {
            return;
        }
        recorder.record(new UsageRequest(clock.instant(), doi, action, request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT), null, false));
    }
}
