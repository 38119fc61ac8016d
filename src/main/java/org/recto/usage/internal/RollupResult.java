package org.recto.usage.internal;

import java.time.Duration;
import java.time.LocalDate;

/**
 * What one roll-up run did.
 *
 * @param ran        false when another node (or thread) held the lock and this run did nothing
 * @param daysRolled days whose counts were (re)computed
 * @param events     events read for those days (robots included)
 * @param coveredTo  the last day the figures now cover
 * @param lockedBy   the lock holder when {@code ran} is false
 */
public record RollupResult(boolean ran, int daysRolled, long events, LocalDate coveredTo, Duration took,
                           String lockedBy) {

    public double eventsPerSecond() {
        double s = took.toNanos() / 1e9;
        return s <= 0 ? 0 : events / s;
    }
}
