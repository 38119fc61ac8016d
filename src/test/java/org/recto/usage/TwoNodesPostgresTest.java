package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.recto.usage.internal.DayKeys;
import org.recto.usage.internal.RollupResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes, each with its own connection pool, on one PostgreSQL: the roll-up runs once, and both
 * nodes key a reader alike because they share the day's secret.
 */
class TwoNodesPostgresTest {

    @Test
    void twoNodesRollUpOnceAndTheSecondFindsNothingLeft() throws Exception {
        try (TestDb db = TestDb.postgres(); HikariDataSource poolB = db.newPool();
             Harness a = new Harness(db.dataSource(), "node-a", null, List.of());
             Harness b = new Harness(poolB, "node-b", null, List.of())) {
            // Ten readers a day; each one's views alternate between the nodes.
            for (int d = 1; d <= 3; d++) {
                for (int i = 0; i < 50; i++) {
                    Instant at = Instant.parse("2024-10-0" + d + "T09:00:00Z").plusSeconds(i * 40L);
                    ((i / 10) % 2 == 0 ? a : b).writer.record(new UsageRequest(at, "10.9/nodes", UsageAction.PDF,
                            "198.51.100." + (1 + i % 10), AbstractCountingTest.CHROME, null, false));
                }
            }
            // A double-click whose two clicks reach different nodes.
            a.writer.record(new UsageRequest(Instant.parse("2024-10-02T15:00:00Z"), "10.9/nodes-dc", UsageAction.PDF,
                    "198.51.100.50", AbstractCountingTest.CHROME, null, false));
            a.flush();
            b.writer.record(new UsageRequest(Instant.parse("2024-10-02T15:00:20Z"), "10.9/nodes-dc", UsageAction.PDF,
                    "198.51.100.50", AbstractCountingTest.CHROME, null, false));
            b.flush();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM usage_day_key").query(Long.class).single()).as("one secret a day").isEqualTo(3);
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT user_key) FROM usage_event WHERE doi = '10.9/nodes' AND event_day = DATE '2024-10-01'")
                    .query(Long.class).single()).as("ten readers, whichever node saw them").isEqualTo(10);
            // Node A holds the lock while node B tries: B must not run.
            CountDownLatch aInside = new CountDownLatch(1);
            CountDownLatch bTried = new CountDownLatch(1);
            a.rollup.setHook(day -> {
                aInside.countDown();
                try {
                    bTried.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<RollupResult> fa = pool.submit(() -> a.rollup.run(s -> { }));
            assertThat(aInside.await(30, TimeUnit.SECONDS)).isTrue();
            RollupResult rb = b.rollup.run(s -> { });
            bTried.countDown();
            RollupResult ra = fa.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            a.rollup.setHook(null);
            assertThat(ra.ran()).isTrue();
            assertThat(ra.daysRolled()).isEqualTo(3);
            assertThat(rb.ran()).isFalse();
            assertThat(rb.lockedBy()).isEqualTo("node-a");
            // Afterwards B gets the lock but finds every day counted.
            RollupResult again = b.rollup.run(s -> { });
            assertThat(again.ran()).isTrue();
            assertThat(again.daysRolled()).isZero();
            // 50 PDF views a day, 40 s apart: no double-clicks; 10 sessions a day.
            assertThat(a.totals("10.9/nodes")).containsEntry("Total_Item_Requests", 150L).containsEntry("Unique_Item_Requests", 30L);
            assertThat(a.totals("10.9/nodes-dc")).containsEntry("Total_Item_Requests", 1L);
        }
    }

    @Test
    void nodesCreatingADaysSecretAtOnceAllGetTheWinnersSecret() throws Exception {
        try (TestDb db = TestDb.postgres(); HikariDataSource poolB = db.newPool()) {
            DayKeys[] nodes = {new DayKeys(db.dataSource(), Harness.KEY_CLOCK), new DayKeys(poolB, Harness.KEY_CLOCK)};
            LocalDate day = LocalDate.parse("2024-11-05");
            int threads = 8;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Long>> hashes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                DayKeys node = nodes[t % 2];
                hashes.add(pool.submit(() -> {
                    go.await();
                    return node.forDay(day).hash("198.51.100.1|UA");
                }));
            }
            go.countDown();
            Set<Long> distinct = new HashSet<>();
            for (Future<Long> f : hashes) {
                distinct.add(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(distinct).hasSize(1);
            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM usage_day_key").query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aCrashedNodesLeaseBlocksOthersUntilItExpires() {
        try (TestDb db = TestDb.postgres(); Harness b = new Harness(db.dataSource(), "node-b", null, List.of())) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            long now = Harness.CLOCK.millis();
            jdbc.sql("UPDATE usage_job_lock SET owner = 'dead-node', lease_until_ms = :t WHERE name = 'usage-rollup'")
                    .param("t", now + 60_000).update();
            RollupResult blocked = b.rollup.run(s -> { });
            assertThat(blocked.ran()).isFalse();
            assertThat(blocked.lockedBy()).isEqualTo("dead-node");
            jdbc.sql("UPDATE usage_job_lock SET lease_until_ms = :t WHERE name = 'usage-rollup'").param("t", now - 1).update();
            assertThat(b.rollup.run(s -> { }).ran()).isTrue();
            assertThat(jdbc.sql("SELECT owner FROM usage_job_lock").query(String.class).optional()).isEmpty();
        }
    }
}
