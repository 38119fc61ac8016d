package org.recto.usage.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.recto.usage.UsageRecorder;
import org.recto.usage.UsageAction;
import org.recto.usage.UsageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link UsageRecorder}: {@code record} puts the request in a bounded in-memory queue and returns; one
 * writer thread classifies the events (robot, institution, access type, keys) and INSERTs them in batches.
 * The keys need the day's secret ({@link DayKeys}): while the database cannot give it, a batch waits and is retried
 * like a failed INSERT.
 *
 * <p>Loss window: an event waits at most {@code recto.usage.flush-interval} (200 ms by default, at most 1 s by
 * configuration) before its batch is written, so a crash (kill -9, power loss) loses at most the events of the
 * last flush interval plus one batch write. A graceful shutdown stops this bean after the web server (phase 0,
 * below the web server's), and {@link #stop()} writes everything still queued before the data source closes.
 * If the database refuses a batch the writer keeps it and retries with back-off. When the queue is full (overload,
 * or the database is down) {@code record} writes the event itself, in the request's thread; only if that fails too
 * is the event lost, and counted in {@link #dropped()}.
 */
public class EventWriter implements UsageRecorder, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventWriter.class);
    private static final int MAX_DOI = 300;
    static final String INSERT = """
            INSERT INTO usage_event (at_ms, event_day, doi, action, denied, user_key, session_key, user_key_prev,
                                     institution, access_type, ua_class)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** An event ready for the table. */
    record Row(long atMs, java.time.LocalDate day, String doi, String action, boolean denied, long userKey,
               long sessionKey, Long userKeyPrev, String institution, String accessType, String uaClass) {
    }

    private final JdbcTemplate jdbc;
    private final RobotFilter robots;
    private final InstitutionMatcher institutions;
    private final AccessTypes accessTypes;
    private final EventKeys keys;
    private final Duration flushInterval;
    private final int batchSize;
    private final BlockingQueue<UsageRequest> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final Object flushed = new Object();
    private final int threads;
    private volatile boolean capture = true;
    private volatile boolean running;
    private volatile List<Thread> workers = List.of();

    public EventWriter(DataSource dataSource, RobotFilter robots, InstitutionMatcher institutions,
                       AccessTypes accessTypes, EventKeys keys, Duration flushInterval, int batchSize, int queueCapacity) {
        this(dataSource, robots, institutions, accessTypes, keys, flushInterval, batchSize, queueCapacity, 2);
    }

    /** @param threads writer threads draining the queue (each holds a database connection while it writes) */
    public EventWriter(DataSource dataSource, RobotFilter robots, InstitutionMatcher institutions,
                       AccessTypes accessTypes, EventKeys keys, Duration flushInterval, int batchSize, int queueCapacity,
                       int threads) {
        this.threads = Math.max(1, threads);
        this.jdbc = new JdbcTemplate(dataSource);
        this.robots = robots;
        this.institutions = institutions;
        this.accessTypes = accessTypes;
        this.keys = keys;
        this.flushInterval = flushInterval;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** Turns counting off (record does nothing) or on. */
    public void setCapture(boolean capture) {
        this.capture = capture;
    }

    @Override
    public void record(UsageRequest request) {
        try {
            if (request == null || !capture) {
                return;
            }
            if (!running) {
                // Before start or after stop (shutdown): nothing drains the queue, so write in the caller's thread.
                writeNow(List.of(request));
                return;
            }
            if (queue.offer(request)) {
                accepted.incrementAndGet();
            } else {
                // Overload: the writers cannot keep up. Rather than lose the view, this request writes its own
                // event (about a millisecond); only if that fails too is the event dropped, and counted.
                long n = overflowed.incrementAndGet();
                if (Long.bitCount(n) == 1) {
                    log.warn("Usage event queue full: {} events written by the requests themselves so far", n);
                }
                writeNow(List.of(request));
            }
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
            log.warn("Usage event not recorded: {}", e.toString());
        }
    }

    private void writeNow(List<UsageRequest> requests) {
        List<Row> rows = toRows(requests);
        if (!rows.isEmpty()) {
            insert(rows);
        }
    }

    List<Row> toRows(List<UsageRequest> requests) {
        List<Row> rows = new ArrayList<>(requests.size());
        for (UsageRequest r : requests) {
            if (r.doi().isBlank() && r.action() != UsageAction.SEARCH || r.doi().length() > MAX_DOI) {
                discarded.incrementAndGet(); // not a DOI any article can have; refuse rather than store junk
                continue;
            }
            String doi = r.doi().strip().toLowerCase(Locale.ROOT);
            EventKeys.Keys k = keys.of(r);
            rows.add(new Row(r.at().toEpochMilli(), r.at().atZone(ZoneOffset.UTC).toLocalDate(), doi,
                    r.action().name(), r.accessDenied(), k.user(), k.session(), k.userPrevDay(),
                    institutions.match(r.clientIp()), accessTypes.of(doi),
                    robots.isRobot(r.userAgent()) ? "robot" : "user"));
        }
        return rows;
    }

    void insert(List<Row> rows) {
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row r = rows.get(i);
                ps.setLong(1, r.atMs());
                ps.setDate(2, Date.valueOf(r.day()));
                ps.setString(3, r.doi());
                ps.setString(4, r.action());
                ps.setBoolean(5, r.denied());
                ps.setLong(6, r.userKey());
                ps.setLong(7, r.sessionKey());
                if (r.userKeyPrev() == null) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, r.userKeyPrev());
                }
                ps.setString(9, r.institution());
                ps.setString(10, r.accessType());
                ps.setString(11, r.uaClass());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private void loop() {
        List<UsageRequest> batch = new ArrayList<>(batchSize);
        long backoff = 100;
        boolean full = false;
        // A writer sleeps between batches rather than wait on the queue: one parked on it would be woken by
        // every event a page records (a futex call and a context switch each, a fifth of a cached page's
        // cost); the pause gathers them into one batch instead, and keeps each event's wait under the
        // flush interval (the loss window).
        long pause = Math.max(1, flushInterval.toMillis() / 4);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    if (running && !full) {
                        Thread.sleep(pause);
                    }
                    queue.drainTo(batch, batchSize);
                    full = batch.size() == batchSize;
                    if (batch.isEmpty()) {
                        continue;
                    }
                }
                int n = batch.size();
                writeNow(batch);
                batch.clear();
                written.addAndGet(n);
                backoff = 100;
                synchronized (flushed) {
                    flushed.notifyAll();
                }
            } catch (InterruptedException e) {
                // stop() interrupts only to cut a wait short; the loop condition decides whether to go on
            } catch (RuntimeException e) {
                log.warn("Writing {} usage events failed, will retry in {} ms: {}", batch.size(), backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    if (!running) {
                        log.error("Shutting down with {} usage events unwritten (database unavailable)",
                                batch.size() + queue.size());
                        dropped.addAndGet(batch.size() + queue.size());
                        return;
                    }
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** Waits until every event accepted so far is written (for tests, the benchmark and the roll-up command). */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (flushed) {
            while (written.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                flushed.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Events the requests wrote themselves because the queue was full. */
    public long overflowed() {
        return overflowed.get();
    }

    public long discarded() {
        return discarded.get();
    }

    public int pending() {
        return queue.size();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        List<Thread> list = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "usage-event-writer-" + i);
            t.setDaemon(false);
            list.add(t);
            t.start();
        }
        workers = List.copyOf(list);
        log.info("Usage capture on: robots list {} ({} patterns), flush every {} ms, {} writer threads",
                robots.source(), robots.size(), flushInterval.toMillis(), threads);
    }

    @Override
    public void stop() {
        List<Thread> ts;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            ts = workers;
        }
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            for (Thread t : ts) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)); // each loop drains the queue before it ends
            }
            for (Thread t : ts) {
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(5_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Usage capture stopped: {} events written, {} dropped", written.get(), dropped.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped after the web server (which stops in a higher phase), so that no request arrives afterwards. */
    @Override
    public int getPhase() {
        return 0;
    }
}
