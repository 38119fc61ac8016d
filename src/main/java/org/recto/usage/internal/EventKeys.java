package org.recto.usage.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.recto.usage.UsageRequest;

/**
 * The two identities COUNTER needs, kept only as 64-bit keyed hashes under the secret of the event's UTC day
 * ({@link DayKeys}), so that no IP address is stored and, once the day's secret is deleted, no stored key can be
 * matched against guessed addresses. The site sets no cookie, so the identities are the CoP's own fallback:
 * <ul>
 * <li>user (double-click filtering, CoP 7.2): IP + User-Agent;</li>
 * <li>session (Unique_Item_*, CoP 7.3): IP + User-Agent + date + hour, e.g. {@code 192.1.1.168|Mozilla/5.0|2024-06-15|13}.</li>
 * </ul>
 * An authenticated session id, if the site ever passes one, is the user, and with the date the session.
 * Both are bounded by the UTC day (a new secret each day), so daily unique counts add up over days.
 */
public final class EventKeys {

    /** An event's keys; {@code userPrevDay} only in the first 30 s of a day (see {@link RollupService}). */
    record Keys(long user, long session, Long userPrevDay) {
    }

    private final DayKeys dayKeys;

    public EventKeys(DayKeys dayKeys) {
        this.dayKeys = dayKeys;
    }

    Keys of(UsageRequest r) {
        ZonedDateTime t = r.at().atZone(ZoneOffset.UTC);
        LocalDate day = t.toLocalDate();
        DayKey key = dayKeys.forDay(day);
        String user = hasSession(r) ? "session|" + r.sessionId() : "address|" + nz(r.clientIp()) + "|" + nz(r.userAgent());
        String session = hasSession(r)
                ? "session|" + r.sessionId() + "|" + day
                : surrogateSession(nz(r.clientIp()), nz(r.userAgent()), t);
        // A click in the first 30 s of a day may double-click one from just before midnight, which was keyed
        // under the previous day's secret: carry this user's key under that secret too.
        boolean justAfterMidnight = r.at().toEpochMilli() - day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                < RollupService.DOUBLE_CLICK_MS;
        Long prev = justAfterMidnight ? dayKeys.forDay(day.minusDays(1)).hash(user) : null;
        return new Keys(key.hash(user), key.hash(session), prev);
    }

    /** The CoP 7.3 surrogate session id, in the CoP's own form. */
    public static String surrogateSession(String ip, String userAgent, ZonedDateTime t) {
        return ip + "|" + userAgent + "|" + t.toLocalDate() + "|" + String.format("%02d", t.getHour());
    }

    private static boolean hasSession(UsageRequest r) {
        return r.sessionId() != null && !r.sessionId().isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
