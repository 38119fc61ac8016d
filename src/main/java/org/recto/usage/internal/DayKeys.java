package org.recto.usage.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secret of each UTC day ({@code usage_day_key}), under which that day's user and session keys are computed.
 * Every node sharing the database uses the same secret for a day: the first event of the day creates it (an
 * INSERT; a node that loses the race reads the winner's), and each node caches it in memory.
 *
 * <p>A day's key is deleted from the table and the caches once the clock reads two days later: it is needed while
 * the day's events can still be written (the writer's flush window, a batch retried while the database was away)
 * and during the next day's first 30 s (the double-click rule at midnight). Once it is gone a stored key can no
 * longer be matched against guessed IP addresses.
 */
public class DayKeys {

    private static final Logger log = LoggerFactory.getLogger(DayKeys.class);
    static final int SECRET_BYTES = 32;
    /** A day's key outlives its day by this many days. */
    static final int KEEP_DAYS = 1;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<LocalDate, DayKey> cache = new ConcurrentHashMap<>();
    private volatile LocalDate purgedOn;

    public DayKeys(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** The key of a UTC day, created if no node has created it yet. Throws if the database cannot be reached. */
    public DayKey forDay(LocalDate day) {
        DayKey key = cache.get(day);
        if (key != null) {
            return key;
        }
        // A miss is the first event of a new day (or a late one): the moment to let go of expired days.
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(purgedOn)) {
            purge(today);
        }
        return cache.computeIfAbsent(day, d -> new DayKey(d, loadOrCreate(d)));
    }

    /** Deletes the keys of days more than {@link #KEEP_DAYS} before today (table and this node's cache). */
    public void purge() {
        purge(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    private void purge(LocalDate today) {
        LocalDate oldestKept = today.minusDays(KEEP_DAYS);
        cache.keySet().removeIf(d -> d.isBefore(oldestKept));
        try {
            int n = jdbc.sql("DELETE FROM usage_day_key WHERE key_day < :day").param("day", Date.valueOf(oldestKept)).update();
            if (n > 0) {
                log.debug("Deleted {} usage day keys before {}", n, oldestKept);
            }
            purgedOn = today;
        } catch (DataAccessException e) {
            log.warn("Could not delete expired usage day keys (will try again): {}", e.toString());
        }
    }

    private byte[] loadOrCreate(LocalDate day) {
        Optional<byte[]> stored = load(day);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        try {
            jdbc.sql("INSERT INTO usage_day_key (key_day, secret) VALUES (:day, :secret)")
                    .param("day", Date.valueOf(day)).param("secret", secret).update();
            return secret;
        } catch (DuplicateKeyException e) {
            // Another node created it first: use theirs, so that both count the day alike.
            return load(day).orElseThrow(() -> new IllegalStateException("usage day key for " + day + " vanished"));
        }
    }

    private Optional<byte[]> load(LocalDate day) {
        return jdbc.sql("SELECT secret FROM usage_day_key WHERE key_day = :day").param("day", Date.valueOf(day))
                .query((rs, i) -> rs.getBytes(1)).optional();
    }
}
