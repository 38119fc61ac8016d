package org.recto.usage.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** One UTC day's secret, ready to hash with: truncated HMAC-SHA256. */
public final class DayKey {

    private final LocalDate day;
    // A Mac is not thread-safe, and initialising one per hash would double its cost: one per thread and day.
    private final ThreadLocal<Mac> mac;

    DayKey(LocalDate day, byte[] secret) {
        this.day = day;
        SecretKeySpec spec = new SecretKeySpec(secret, "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    public LocalDate day() {
        return day;
    }

    /** The first 64 bits of HMAC-SHA256(secret, material), what the bigint key columns hold. */
    public long hash(String material) {
        byte[] d = mac.get().doFinal(material.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }
}
