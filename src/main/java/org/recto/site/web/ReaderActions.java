package org.recto.site.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.recto.usage.UsageAction;
import org.recto.usage.UsageRecorder;
import org.recto.usage.UsageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the usage module what a reader looked at. The {@code recto_session} cookie (random, for this
 * browser session only, no personal data) lets COUNTER's Unique_Item_* metrics count a session once.
 */
@Component
class ReaderActions {

    static final String SESSION_COOKIE = "recto_session";

    private final UsageRecorder recorder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReaderActions(UsageRecorder recorder, Optional<Clock> clock) {
        this.recorder = recorder;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    void viewed(String doi, UsageAction action, HttpServletRequest request, HttpServletResponse response) {
        String session = sessionOf(request);
        if (session == null) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            // The first page of a visit already counts under the new session, so that its later pages
            // (which bring the cookie back) are the same session.
            session = HexFormat.of().formatHex(id);
            ResponseCookie cookie = ResponseCookie.from(SESSION_COOKIE, session)
                    .path("/").httpOnly(true).sameSite("Lax").build();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        recorder.record(new UsageRequest(clock.instant(), doi, action, request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT), session, false));
    }

    private static String sessionOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SESSION_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[0-9a-f]{32}")) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
