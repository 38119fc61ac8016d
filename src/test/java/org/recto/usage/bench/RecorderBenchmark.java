package org.recto.usage.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.recto.article.ArticleCatalog;
import org.recto.usage.UsageAction;
import org.recto.usage.UsageRequest;
import org.recto.usage.internal.AccessTypes;
import org.recto.usage.internal.DayKeys;
import org.recto.usage.internal.EventKeys;
import org.recto.usage.internal.EventWriter;
import org.recto.usage.internal.InstitutionMatcher;
import org.recto.usage.internal.RobotFilter;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recorder benchmark: T threads call {@code record} as page requests would; prints the cost of one call to the
 * page (mean, p99, max) and how fast the writer gets the events into the database (H2 in memory or PostgreSQL).
 * Arguments: db (h2|pg) threads eventsPerThread robotsFile.
 */
public final class RecorderBenchmark {

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "pg";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int perThread = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String robots = args.length > 3 ? args[3] : "../shared/data/counter-robots/COUNTER_Robots_list.json";
        String url = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "usage_rbench_" + ProcessHandle.current().pid();
        HikariConfig cfg = new HikariConfig();
        if (db.equals("pg")) {
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            cfg.setJdbcUrl(url + "?currentSchema=" + schema + "&reWriteBatchedInserts=true");
            cfg.setUsername("postgres");
        } else {
            cfg.setJdbcUrl("jdbc:h2:mem:rbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            cfg.setUsername("sa");
        }
        cfg.setPassword("");
        try (HikariDataSource ds = new HikariDataSource(cfg)) {
            Flyway.configure().dataSource(ds).schemas(db.equals("pg") ? new String[] {schema} : new String[0])
                    .locations("classpath:db/migration").load().migrate();
            EventWriter w = new EventWriter(ds, RobotFilter.load(java.nio.file.Path.of(robots)), new InstitutionMatcher(List.of()),
                    new AccessTypes(new StaticListableBeanFactory().getBeanProvider(ArticleCatalog.class)),
                    new EventKeys(new DayKeys(ds, Clock.systemUTC())), Duration.ofMillis(200), 1000, 200_000);
            w.start();
            String[] agents = {
                    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0",
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
                    "Googlebot/2.1 (+http://www.google.com/bot.html)"};
            UsageAction[] actions = UsageAction.values();
            long[][] nanos = new long[threads][perThread];
            CountDownLatch go = new CountDownLatch(1);
            Thread[] ts = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int me = t;
                ts[t] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    Instant now = Instant.now();
                    for (int i = 0; i < perThread; i++) {
                        UsageRequest r = new UsageRequest(now, "10.5555/bench." + (i % 5000), actions[i & 3],
                                "198.51." + me + "." + (i % 250), agents[i % agents.length], null, false);
                        long t0 = System.nanoTime();
                        w.record(r);
                        nanos[me][i] = System.nanoTime() - t0;
                    }
                });
                ts[t].start();
            }
            long start = System.nanoTime();
            go.countDown();
            for (Thread t : ts) {
                t.join();
            }
            long enqueued = System.nanoTime() - start;
            w.flush(Duration.ofMinutes(10));
            long written = System.nanoTime() - start;
            long n = (long) threads * perThread;
            long[] all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).sorted().toArray();
            double mean = Arrays.stream(all).average().orElse(0);
            System.out.printf("RESULT recorder (%s, %d threads): %,d record() calls in %.2f s = %,.0f calls/s; "
                            + "per call mean %.1f us, p99 %.1f us, max %.1f ms%n", db, threads, n, enqueued / 1e9,
                    n / (enqueued / 1e9), mean / 1e3, all[(int) (all.length * 0.99)] / 1e3, all[all.length - 1] / 1e6);
            long rows = JdbcClient.create(ds).sql("SELECT COUNT(*) FROM usage_event").query(Long.class).single();
            System.out.printf("RESULT writer: %,d events in the table after %.2f s = %,.0f events/s written; "
                            + "written by the requests (queue full) %d; dropped %d%n",
                    rows, written / 1e9, rows / (written / 1e9), w.overflowed(), w.dropped());
            w.stop();
        } finally {
            if (db.equals("pg")) {
                try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }
}
