package org.recto.usage;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is one a reader made, the rule every module that reports usage applies before it records
 * (the site's pages, the formats' downloads and exports), so that they count the same way.
 */
public final class ReaderRequests {

    /** Fetch destinations in which a response is shown to the reader (Fetch Metadata, {@code Sec-Fetch-Dest}). */
    private static final Set<String> SHOWN_TO_READER = Set.of("document", "iframe", "frame", "embed", "object");

    private ReaderRequests() {
    }

    /**
     * COUNTER counts what a reader actually requested: not a HEAD (no content was sent), not a browser's prefetch
     * or prerender of a link the reader may never follow ({@code Sec-Purpose}, {@code Purpose}, {@code X-Moz},
     * {@code X-Purpose}), and not the response fetched as a sub-resource of another page (an image, a script, a
     * {@code fetch()}: {@code Sec-Fetch-Dest} other than a document, a frame or an embedded viewer). A client that
     * sends none of these headers (an older browser, a script; robots are classed later) is taken as asking.
     */
    public static boolean readerAsked(HttpServletRequest request) {
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
