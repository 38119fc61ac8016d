package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.recto.support.MovableClock;
import org.recto.usage.internal.DayKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The day secrets: one per UTC day for every node, deleted two days after their day (table and caches). */
class DayKeysTest {

    static final LocalDate JUNE_1 = LocalDate.parse("2025-06-01");

    final MovableClock now = new MovableClock(Instant.parse("2025-06-01T08:00:00Z"));
    final Clock clock = now;

    @Test
    void twoNodesShareADaysKeyAndDaysHaveUnrelatedKeys() {
        try (TestDb db = TestDb.h2()) {
            DayKeys a = new DayKeys(db.dataSource(), clock);
            DayKeys b = new DayKeys(db.dataSource(), clock);
            assertThat(a.forDay(JUNE_1).hash("x")).isEqualTo(b.forDay(JUNE_1).hash("x"));
            assertThat(a.forDay(JUNE_1).hash("x")).isNotEqualTo(a.forDay(JUNE_1.plusDays(1)).hash("x"));
            assertThat(a.forDay(JUNE_1).hash("x")).isNotEqualTo(a.forDay(JUNE_1).hash("y"));
            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM usage_day_key").query(Long.class).single())
                    .isEqualTo(2);
        }
    }

    @Test
    void aDaysKeyIsDeletedWhenTheClockReadsTwoDaysLater() {
        try (TestDb db = TestDb.h2()) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            DayKeys a = new DayKeys(db.dataSource(), clock);
            DayKeys b = new DayKeys(db.dataSource(), clock);
            long june1 = a.forDay(JUNE_1).hash("x");
            b.forDay(JUNE_1);

            now.set(Instant.parse("2025-06-02T23:59:59Z")); // the day after: still needed (late events, midnight)
            a.forDay(JUNE_1.plusDays(1));
            assertThat(days(jdbc)).containsExactly(JUNE_1, JUNE_1.plusDays(1));

            now.set(Instant.parse("2025-06-03T00:00:01Z")); // two days later: the first event of the day deletes it
            a.forDay(JUNE_1.plusDays(2));
            assertThat(days(jdbc)).containsExactly(JUNE_1.plusDays(1), JUNE_1.plusDays(2));
            // Node B's first event of the day forgets its cached copy too: a late event of June 1 gets a new key.
            b.forDay(JUNE_1.plusDays(2));
            assertThat(b.forDay(JUNE_1).hash("x")).isNotEqualTo(june1);

            // With no events at all, the daily roll-up's purge deletes what is due.
            now.set(Instant.parse("2025-06-10T02:15:00Z"));
            a.purge();
            assertThat(days(jdbc)).isEmpty();
        }
    }

    private static java.util.List<LocalDate> days(JdbcClient jdbc) {
        return jdbc.sql("SELECT key_day FROM usage_day_key ORDER BY key_day").query(LocalDate.class).list();
    }
}
