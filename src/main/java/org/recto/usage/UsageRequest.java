package org.recto.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * One reader action as the site saw it.
 *
 * @param at           when the response was sent
 * @param doi          the article's DOI (compared case-insensitively)
 * @param action       what was viewed
 * @param clientIp     the client's IP address (a literal; anything else matches no institution)
 * @param userAgent    the User-Agent header, or null
 * @param sessionId    an authenticated session id if the site ever has one; null today (the site sets no cookie,
 *                     and readers are told apart by IP address + User-Agent)
 * @param accessDenied the full text was refused (no licence) and the reader was sent to the abstract:
 *                     counted as No_License plus one Investigation (COUNTER Table 3.t); the site must not
 *                     record a separate {@link UsageAction#ABSTRACT} for that redirect
 */
public record UsageRequest(Instant at, String doi, UsageAction action, String clientIp, String userAgent,
                           String sessionId, boolean accessDenied) {

    public UsageRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(action, "action");
    }
}
