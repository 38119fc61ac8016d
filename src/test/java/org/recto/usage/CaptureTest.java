package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.recto.usage.internal.AccessTypes;
import org.recto.usage.internal.DayKeys;
import org.recto.usage.internal.EventKeys;
import org.recto.usage.internal.EventWriter;
import org.recto.usage.internal.FiguresService;
import org.recto.usage.internal.InstitutionMatcher;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recorder's promises: a graceful shutdown writes every event; a broken database never reaches the page. */
class CaptureTest {

    @Test
    void aGracefulShutdownWritesEveryQueuedEvent() {
        try (TestDb db = TestDb.h2()) {
            EventWriter w = writer(db.dataSource(), Duration.ofMillis(1000));
            w.start();
            Instant at = Instant.parse("2024-05-01T10:00:00Z");
            for (int i = 0; i < 20_000; i++) {
                w.record(new UsageRequest(at.plusMillis(i), "10.9/shutdown-" + (i % 7), UsageAction.PDF, "198.51.100.1",
                        AbstractCountingTest.CHROME, "s" + i, false));
            }
            w.stop(); // what Spring does on a graceful shutdown
            long rows = JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM usage_event").query(Long.class).single();
            assertThat(rows).isEqualTo(20_000);
            assertThat(w.dropped()).isZero();
            // After the stop (the web server is already down), a late event is written directly.
            w.record(new UsageRequest(at, "10.9/late", UsageAction.ABSTRACT, "198.51.100.1", AbstractCountingTest.CHROME, null, false));
            long late = JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM usage_event WHERE doi = '10.9/late'")
                    .query(Long.class).single();
            assertThat(late).isEqualTo(1);
        }
    }

    @Test
    void aFullQueueMakesTheRequestWriteItsOwnEventRatherThanLoseIt() throws Exception {
        try (TestDb db = TestDb.h2()) {
            EventWriter w = new EventWriter(db.dataSource(), Harness.ROBOTS, new InstitutionMatcher(List.of()),
                    new AccessTypes(new StaticListableBeanFactory().getBeanProvider(org.recto.article.ArticleCatalog.class)),
                    keys(db.dataSource()), Duration.ofMillis(50), 1, 1, 1);
            w.start();
            Thread[] ts = new Thread[4];
            for (int t = 0; t < ts.length; t++) {
                int me = t;
                ts[t] = new Thread(() -> {
                    for (int i = 0; i < 250; i++) {
                        w.record(new UsageRequest(Instant.parse("2024-05-02T10:00:00Z").plusMillis(i), "10.9/full-" + me,
                                UsageAction.PDF, "198.51.100.1", AbstractCountingTest.CHROME, "s" + me, false));
                    }
                });
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            w.stop();
            long rows = JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM usage_event").query(Long.class).single();
            assertThat(rows).isEqualTo(1000);
            assertThat(w.dropped()).isZero();
            assertThat(w.overflowed()).as("a one-slot queue overflows").isPositive();
        }
    }

    @Test
    void aBrokenDatabaseNeverReachesTheCaller() {
        HikariDataSource closed;
        try (TestDb db = TestDb.h2()) {
            closed = db.newPool();
        }
        closed.close();
        EventWriter w = writer(closed, Duration.ofMillis(10));
        // Not started: record writes in the caller's thread, and must swallow the failure.
        w.record(new UsageRequest(Instant.now(), "10.9/x", UsageAction.PDF, "198.51.100.1", "UA", null, false));
        assertThat(w.dropped()).isEqualTo(1);
        assertThat(new FiguresService(closed).forArticle("10.9/x")).isEmpty();
    }

    @Test
    void noFiguresBeforeTheFirstRollUp() {
        try (TestDb db = TestDb.h2()) {
            // Zeros and rolledUp=false, so that the JSON answers 200 and the panel says nothing was counted yet.
            assertThat(new FiguresService(db.dataSource()).forArticle("10.9/none")).hasValueSatisfying(u -> {
                assertThat(u.rolledUp()).isFalse();
                assertThat(u.fullTextViews() + u.abstractViews()).isZero();
                assertThat(u.capturedFrom()).isNull();
                assertThat(u.metricTotals()).containsEntry("Total_Item_Requests", 0L);
            });
        }
    }

    private static EventWriter writer(DataSource ds, Duration flush) {
        return new EventWriter(ds, Harness.ROBOTS, new InstitutionMatcher(List.of()),
                new AccessTypes(new StaticListableBeanFactory().getBeanProvider(org.recto.article.ArticleCatalog.class)),
                keys(ds), flush, 500, 100_000);
    }

    private static EventKeys keys(DataSource ds) {
        return new EventKeys(new DayKeys(ds, Harness.KEY_CLOCK));
    }
}
