package org.recto.discovery.web;

import java.time.Clock;

import org.recto.discovery.internal.SearchQuery;
import org.recto.usage.UsageAction;
import org.recto.usage.UsageRecorder;
import org.recto.usage.UsageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Counts a search as COUNTER's Searches_Platform: a search the reader ran (words or facets), not the browsing
 * list of an empty search, and not the next page of results already counted.
 */
@Component
class SearchCounter {

    private final UsageRecorder recorder;
    private final Clock clock;

    SearchCounter(UsageRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    void searched(SearchQuery query, HttpServletRequest request) {
        if (query.isBrowse() || query.page() > 1 || "HEAD".equals(request.getMethod())) {
            return;
        }
        recorder.record(new UsageRequest(clock.instant(), "", UsageAction.SEARCH, request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT), null, false));
    }
}
