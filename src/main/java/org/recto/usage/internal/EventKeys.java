package org.recto.usage.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.recto.usage.UsageRequest;

/**
 * The two identities COUNTER needs, kept as 64-bit hashes so that no IP address or cookie is stored.
 * <ul>
 * <li>user key (double-click filtering, CoP 7.2): the session cookie, else IP + User-Agent;</li>
 * <li>session key (Unique_Item_*, CoP 7.3): cookie + date, else IP + User-Agent + date + hour, e.g.
 *     {@code 192.1.1.168|Mozilla/5.0|2024-06-15|13}. Both forms are bounded by the UTC day, so daily unique
 *     counts add up over days.</li>
 * </ul>
 */
public final class EventKeys {

    private EventKeys() {
    }

    static long userKey(UsageRequest r) {
        return hasCookie(r) ? hash("c|" + r.sessionId()) : hash("a|" + nz(r.clientIp()) + "|" + nz(r.userAgent()));
    }

    static long sessionKey(UsageRequest r) {
        ZonedDateTime t = r.at().atZone(ZoneOffset.UTC);
        return hasCookie(r)
                ? hash("c|" + r.sessionId() + "|" + t.toLocalDate())
                : hash(surrogateSession(nz(r.clientIp()), nz(r.userAgent()), t));
    }

    /** The CoP 7.3 surrogate session id, in the CoP's own form. */
    public static String surrogateSession(String ip, String userAgent, ZonedDateTime t) {
        return ip + "|" + userAgent + "|" + t.toLocalDate() + "|" + String.format("%02d", t.getHour());
    }

    private static boolean hasCookie(UsageRequest r) {
        return r.sessionId() != null && !r.sessionId().isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static long hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
