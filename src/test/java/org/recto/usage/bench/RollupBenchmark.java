package org.recto.usage.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.recto.usage.internal.RollupResult;
import org.recto.usage.internal.RollupService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roll-up benchmark on PostgreSQL: generates N usage events (default 10,000,000) over D days in a fresh schema,
 * then times the roll-up and prints events per second; then a second run (nothing changed) and a full recount.
 * Run with bench/usage.sh (arguments: events days items).
 */
public final class RollupBenchmark {

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        String url = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("pg.user", "postgres");
        String schema = "usage_bench_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url + "?currentSchema=" + schema);
        cfg.setUsername(user);
        cfg.setPassword("");
        cfg.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(cfg)) {
            Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            LocalDate first = LocalDate.parse("2025-01-01");
            long base = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long duplicates = events / 20; // 5 % are second clicks within 30 s of an earlier one
            long perDay = (events - duplicates) / days;
            System.out.printf("Generating %,d events (%,d double-clicks) over %d days, %,d items, in schema %s ...%n",
                    events, duplicates, days, items, schema);
            long g0 = System.nanoTime();
            for (int d = 0; d < days; d++) {
                long n = d == days - 1 ? events - duplicates - perDay * (days - 1) : perDay;
                jdbc.sql("""
                        INSERT INTO usage_event (at_ms, event_day, doi, action, denied, user_key, session_key,
                                                 user_key_prev, institution, access_type, ua_class)
                        SELECT at_ms, DATE '2025-01-01' + CAST(:d AS INT),
                               '10.5555/bench.' || item,
                               CASE WHEN a < 0.45 THEN 'ABSTRACT' WHEN a < 0.75 THEN 'FULL_TEXT_HTML'
                                    WHEN a < 0.97 THEN 'PDF' ELSE 'EPUB' END,
                               random() < 0.01,
                               u, u * 100 + (at_ms / 3600000) % 100,
                               CASE WHEN at_ms % 86400000 < 30000 THEN u END,
                               CASE WHEN u % 10 = 0 THEN 'inst' || (u % 50) ELSE '' END,
                               CASE WHEN item % 3 = 0 THEN 'Open' ELSE 'Controlled' END,
                               CASE WHEN random() < 0.03 THEN 'robot' ELSE 'user' END
                        FROM (SELECT :base + CAST(:d AS BIGINT) * 86400000 + CAST(floor(random() * 86400000) AS BIGINT) AS at_ms,
                                     CAST(floor(random() * 500000) AS BIGINT) AS u,
                                     CAST(floor(power(random(), 2) * :items) AS INT) AS item,
                                     random() AS a
                              FROM generate_series(1, :n)) g""")
                        .param("d", d).param("base", base).param("items", items).param("n", n).update();
            }
            jdbc.sql("""
                    INSERT INTO usage_event (at_ms, event_day, doi, action, denied, user_key, session_key,
                                             user_key_prev, institution, access_type, ua_class)
                    SELECT at_ms, event_day, doi, action, denied, user_key, session_key,
                           CASE WHEN at_ms % 86400000 < 30000 THEN user_key END, institution, access_type, ua_class
                    FROM (SELECT at_ms + 1 + CAST(floor(random() * 29000) AS BIGINT) AS at_ms, event_day, doi, action,
                                 denied, user_key, session_key, institution, access_type, ua_class
                          FROM usage_event WHERE id % 19 = 0 AND at_ms % 86400000 < 86300000 LIMIT :n) d""")
                    .param("n", duplicates).update();
            // As on a live system, where autovacuum has seen the day's inserts before the nightly run: without this
            // the first run also competes with autovacuum for the 2 cores.
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE usage_event");
            }
            long total = jdbc.sql("SELECT COUNT(*) FROM usage_event").query(Long.class).single();
            System.out.printf("Generated %,d events in %.1f s%n", total, (System.nanoTime() - g0) / 1e9);

            Clock clock = Clock.fixed(first.plusDays(days + 1).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            RollupService rollup = new RollupService(ds, clock, "Recto", "bench", Duration.ofMinutes(2));
            System.out.println("== Roll-up (all days new)");
            RollupResult r = rollup.run(System.out::println);
            System.out.printf("RESULT rollup: %,d events in %.2f s = %,.0f events/s (%d days)%n",
                    r.events(), r.took().toNanos() / 1e9, r.eventsPerSecond(), r.daysRolled());
            long rows = jdbc.sql("SELECT COUNT(*) FROM usage_daily").query(Long.class).single();
            long tii = jdbc.sql("SELECT SUM(total_item_investigations) FROM usage_daily").query(Long.class).single();
            System.out.printf("usage_daily: %,d rows, Total_Item_Investigations %,d (of %,d events: robots and double-clicks filtered)%n",
                    rows, tii, total);
            System.out.println("== Second run (nothing changed)");
            RollupResult again = rollup.run(line -> { });
            System.out.printf("RESULT rerun: %d days rolled in %.2f s%n", again.daysRolled(), again.took().toNanos() / 1e9);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
