package org.recto.site.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

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

    /** Fetch destinations in which a page is shown to the reader (Fetch Metadata, {@code Sec-Fetch-Dest}). */
    private static final Set<String> SHOWN_TO_READER = Set.of("document", "iframe", "frame", "embed", "object");

    private final UsageRecorder recorder;
    private final Clock clock;

    ReaderActions(UsageRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Records the view if a reader asked for it (see {@link #readerAsked}).
     *
     * @param response not written to (there is no cookie to set); kept so that the callers stay as they are
     */
    void viewed(String doi, UsageAction action, HttpServletRequest request, HttpServletResponse response) {
        if (!readerAsked(request)) {
            return;
        }
        recorder.record(new UsageRequest(clock.instant(), doi, action, request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT), null, false));
    }

    /**
     * COUNTER counts what a reader actually requested: not a HEAD (no content was sent), not a browser's prefetch
     * or prerender of a link the reader may never follow ({@code Sec-Purpose}, {@code Purpose}, {@code X-Moz},
     * {@code X-Purpose}), and not the page fetched as a sub-resource of another page (an image, a script, a
     * {@code fetch()}: {@code Sec-Fetch-Dest} other than a document or a frame). A client that sends none of these
     * headers (an older browser, a script; robots are classed later) is taken as asking.
     */
    static boolean readerAsked(HttpServletRequest request) {
        if ("HEAD".equals(request.getMethod())) {
            return false;
        }
        for (String header : new String[] {"Sec-Purpose", "Purpose", "X-Moz", "X-Purpose"}) {
            String value = request.getHeader(header);
            if (value != null && (value.toLowerCase(Locale.ROOT).contains("prefetch")
                    || value.toLowerCase(Locale.ROOT).contains("prerender") || value.equalsIgnoreCase("preview"))) {
                return false;
            }
        }
        String dest = request.getHeader("Sec-Fetch-Dest");
        return dest == null || SHOWN_TO_READER.contains(dest.strip().toLowerCase(Locale.ROOT));
    }
}
