package org.recto.delivery.internal;

import java.time.Clock;

import org.recto.formats.FormatKind;
import org.recto.usage.UsageAction;
import org.recto.usage.UsageRecorder;
import org.recto.usage.UsageRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reports each file sent as a COUNTER Request for its format (docs/usage.md says why): the full content left the
 * platform for this reader, as with a download.
 */
@Component
public class SendUsage {

    private final UsageRecorder recorder;
    private final Clock clock;

    public SendUsage(UsageRecorder recorder, ObjectProvider<Clock> clock) {
        this.recorder = recorder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public void sent(String doi, FormatKind kind, HttpServletRequest request) {
        UsageAction action = kind == FormatKind.PDF ? UsageAction.PDF : UsageAction.EPUB;
        recorder.record(new UsageRequest(clock.instant(), doi, action, request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT), null, false));
    }
}
