package org.recto.usage.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily roll-up: turns the events of each closed UTC day into {@code usage_daily} counts.
 *
 * <ul>
 * <li>Filtering: robot events are left out; of two events by the same user (IP + User-Agent) on the
 *     same item and format (action, and whether access was denied) at most 30 s apart, the earlier is dropped
 *     (CoP 7.2), so a chain collapses to its last click. Events of the first 30 s of the next day are read so that
 *     a click just before midnight is judged like any other; user keys change with the day's secret, so those
 *     events are matched by {@code user_key_prev}, their user key under this day's secret (rows written before
 *     it existed had one key for every day, hence the COALESCE).</li>
 * <li>Idempotent: a day is one transaction that deletes the day's rows and inserts them afresh.</li>
 * <li>Resumable: a crash rolls back the day in progress; the days already committed are recorded in
 *     {@code usage_rollup_day} with their event count, so a rerun does the rest (and any day whose events changed).</li>
 * <li>Once per cluster: the run holds the {@code usage-rollup} lease in {@code usage_job_lock}.</li>
 * </ul>
 * A day is rolled once it has been over for {@link #SETTLE}: the writer's flush window plus the 30 s look-ahead.
 */
public class RollupService {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);
    static final Duration SETTLE = Duration.ofMinutes(2);
    static final long DOUBLE_CLICK_MS = 30_000;

    /** Called after a day's rows are inserted, before its commit; tests use it to crash midway. */
    public interface DayHook {
        void afterInsert(LocalDate day);
    }

    static final String ROLL_DAY = """
            INSERT INTO usage_daily (usage_day, doi, platform, institution, access_type,
                                     total_item_investigations, total_item_requests,
                                     unique_item_investigations, unique_item_requests, no_license,
                                     abstract_views, html_views, pdf_views, epub_views, searches_platform)
            SELECT :day, doi, :platform, institution, access_type,
                   SUM(CASE WHEN action = 'SEARCH' THEN 0 ELSE 1 END),
                   SUM(CASE WHEN is_request THEN 1 ELSE 0 END),
                   COUNT(DISTINCT CASE WHEN action <> 'SEARCH' THEN session_key END),
                   COUNT(DISTINCT CASE WHEN is_request THEN session_key END),
                   SUM(CASE WHEN denied THEN 1 ELSE 0 END),
                   SUM(CASE WHEN is_request OR action IN ('SEARCH', 'EXPORT') THEN 0 ELSE 1 END),
                   SUM(CASE WHEN is_request AND action = 'FULL_TEXT_HTML' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN is_request AND action = 'PDF' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN is_request AND action = 'EPUB' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN action = 'SEARCH' THEN 1 ELSE 0 END)
            FROM (
                SELECT doi, institution, access_type, action, denied, session_key, at_ms,
                       (action NOT IN ('ABSTRACT', 'SEARCH', 'EXPORT') AND NOT denied) AS is_request,
                       LEAD(at_ms) OVER (PARTITION BY CASE WHEN at_ms < :end THEN user_key
                                                           ELSE COALESCE(user_key_prev, user_key) END,
                                                      doi, action, denied ORDER BY at_ms, id) AS next_at
                FROM usage_event
                WHERE at_ms >= :start AND at_ms < :lookAheadEnd AND ua_class = 'user'
            ) e
            -- Double-click filtering is for items; every search a reader runs is a search.
            WHERE at_ms < :end AND (action = 'SEARCH' OR next_at IS NULL OR next_at - at_ms > :window)
            GROUP BY doi, institution, access_type""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobLock lock;
    private final Clock clock;
    private final String platform;
    private final String owner;
    private final ReentrantLock local = new ReentrantLock();
    private final int parallelism;
    private volatile DayHook hook = day -> { };
    private volatile Runnable afterRun = () -> { };
    private volatile Boolean postgres;

    public RollupService(DataSource dataSource, Clock clock, String platform, String owner, Duration lease) {
        this(dataSource, clock, platform, owner, lease, 2);
    }

    /** @param parallelism days rolled at once (each holds one connection while it runs) */
    public RollupService(DataSource dataSource, Clock clock, String platform, String owner, Duration lease,
                         int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.lock = new JobLock(dataSource, clock, "usage-rollup", lease);
        this.clock = clock;
        this.platform = platform;
        this.owner = owner;
    }

    public void setHook(DayHook hook) {
        this.hook = hook == null ? day -> { } : hook;
    }

    /** Called after every run that counted something (the figures cache listens). */
    public void setAfterRun(Runnable afterRun) {
        this.afterRun = afterRun == null ? () -> { } : afterRun;
    }

    public String owner() {
        return owner;
    }

    /** The last day a roll-up run may count now: yesterday, once it has settled. */
    public LocalDate lastClosedDay() {
        Instant now = clock.instant();
        return now.minus(SETTLE).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    public RollupResult run(Consumer<String> progress) {
        long t0 = System.nanoTime();
        if (!local.tryLock()) {
            return new RollupResult(false, 0, 0, null, Duration.ZERO, owner + " (another thread)");
        }
        try {
            if (!lock.tryAcquire(owner)) {
                String holder = lock.holder().orElse("another node");
                progress.accept("Roll-up skipped: " + holder + " holds the lock");
                return new RollupResult(false, 0, 0, null, Duration.ofNanos(System.nanoTime() - t0), holder);
            }
            ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "usage-rollup-lease");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, lock.lease().toMillis() / 4);
            heartbeat.scheduleAtFixedRate(() -> {
                try {
                    lock.renew(owner);
                } catch (RuntimeException e) {
                    log.warn("Could not renew the roll-up lease: {}", e.toString());
                }
            }, period, period, TimeUnit.MILLISECONDS);
            try {
                return runLocked(progress, t0);
            } finally {
                heartbeat.shutdownNow();
                lock.release(owner);
            }
        } finally {
            local.unlock();
        }
    }

    private RollupResult runLocked(Consumer<String> progress, long t0) {
        LocalDate last = lastClosedDay();
        record DayStats(LocalDate day, long count, long maxId) {
        }
        List<DayStats> present = jdbc.sql("""
                        SELECT event_day, COUNT(*) AS n, MAX(id) AS m FROM usage_event WHERE event_day <= :last
                        GROUP BY event_day ORDER BY event_day""")
                .param("last", Date.valueOf(last))
                .query((rs, i) -> new DayStats(rs.getDate(1).toLocalDate(), rs.getLong("n"), rs.getLong("m")))
                .list();
        Map<LocalDate, long[]> done = new HashMap<>();
        jdbc.sql("SELECT usage_day, event_count, max_event_id FROM usage_rollup_day").query(rs -> {
            done.put(rs.getDate(1).toLocalDate(), new long[] {rs.getLong("event_count"), rs.getLong("max_event_id")});
        });
        List<DayStats> todo = new ArrayList<>();
        for (DayStats d : present) {
            long[] prev = done.get(d.day());
            if (prev == null || prev[0] != d.count() || prev[1] != d.maxId()) {
                todo.add(d);
            }
        }
        progress.accept("Roll-up through " + last + ": " + todo.size() + " of " + present.size()
                + " days with events to count");
        long events = todo.stream().mapToLong(DayStats::count).sum();
        int n = rollDays(todo.stream().map(d -> new long[] {d.day().toEpochDay(), d.count(), d.maxId()}).toList(), progress);
        jdbc.sql("UPDATE usage_rollup_state SET covered_to = :last, last_run_at = :now WHERE id = 1")
                .param("last", Date.valueOf(last)).param("now", Timestamp.from(clock.instant())).update();
        afterRun.run();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        RollupResult result = new RollupResult(true, n, events, last, took, null);
        progress.accept(String.format("Roll-up done: %d days, %,d events in %.1f s (%,.0f events/s); figures cover up to %s",
                n, events, took.toNanos() / 1e9, result.eventsPerSecond(), last));
        return result;
    }

    /**
     * Rolls the days, {@code parallelism} at a time (each day is its own transaction, so days are independent);
     * stops at the first failure and rethrows it once the days in flight are done.
     */
    private int rollDays(List<long[]> days, Consumer<String> progress) {
        if (days.isEmpty()) {
            return 0;
        }
        java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, days.size()), r -> {
            Thread t = new Thread(r, "usage-rollup-day");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (long[] d : days) {
                futures.add(pool.submit(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    LocalDate day = LocalDate.ofEpochDay(d[0]);
                    try {
                        long t = System.nanoTime();
                        int rows = rollDay(day, d[1], d[2]);
                        progress.accept(String.format("  %s: %,d events -> %,d rows (%d ms) [%d/%d]", day, d[1], rows,
                                (System.nanoTime() - t) / 1_000_000, done.incrementAndGet(), days.size()));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Roll-up interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, new IllegalStateException(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return done.get();
    }

    private int rollDay(LocalDate day, long count, long maxId) {
        if (!lock.renew(owner)) {
            throw new IllegalStateException("Lost the roll-up lock to another node; stopping");
        }
        long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Integer rows = tx.execute(status -> {
            if (isPostgres()) {
                // The day's sort (window + distinct) fits in memory instead of spilling to disk.
                jdbc.sql("SET LOCAL work_mem = '256MB'").update();
            }
            jdbc.sql("DELETE FROM usage_daily WHERE usage_day = :day").param("day", Date.valueOf(day)).update();
            int inserted = jdbc.sql(ROLL_DAY)
                    .param("day", Date.valueOf(day)).param("platform", platform).param("lookAheadEnd", end + DOUBLE_CLICK_MS)
                    .param("start", start).param("end", end).param("window", DOUBLE_CLICK_MS)
                    .update();
            jdbc.sql("DELETE FROM usage_rollup_day WHERE usage_day = :day").param("day", Date.valueOf(day)).update();
            jdbc.sql("""
                            INSERT INTO usage_rollup_day (usage_day, event_count, max_event_id, rolled_at)
                            VALUES (:day, :n, :m, :now)""")
                    .param("day", Date.valueOf(day)).param("n", count).param("m", maxId)
                    .param("now", Timestamp.from(clock.instant())).update();
            hook.afterInsert(day);
            return inserted;
        });
        return rows == null ? 0 : rows;
    }

    private boolean isPostgres() {
        Boolean p = postgres;
        if (p == null) {
            try (Connection c = dataSource.getConnection()) {
                p = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (SQLException e) {
                p = false;
            }
            postgres = p;
        }
        return p;
    }
}
