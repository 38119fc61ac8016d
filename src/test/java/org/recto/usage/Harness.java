package org.recto.usage;

import org.recto.support.SharedData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.recto.article.ArticleCatalog;
import org.recto.usage.internal.AccessTypes;
import org.recto.usage.internal.DayKeys;
import org.recto.usage.internal.EventKeys;
import org.recto.usage.internal.EventWriter;
import org.recto.usage.internal.FiguresService;
import org.recto.usage.internal.InstitutionMatcher;
import org.recto.usage.internal.RobotFilter;
import org.recto.usage.internal.RollupService;
import org.recto.usage.internal.UsageProperties;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The usage pipeline wired by hand on a test database: recorder, roll-up and figures, with a fixed clock. */
final class Harness implements AutoCloseable {

    static final RobotFilter ROBOTS = RobotFilter.load(SharedData.robotsList());
    /** "Now" for the roll-up: every test event lies before it, so every test day is closed. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    /**
     * "Now" for the day keys: before every test event, so that no test day's key expires while a test uses it
     * (a node deletes keys two days old by its clock). DayKeysTest covers the expiry.
     */
    static final Clock KEY_CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    final DayKeys dayKeys;
    final EventWriter writer;
    final RollupService rollup;
    final FiguresService figures;

    Harness(DataSource ds, String node, ArticleCatalog catalog, List<UsageProperties.Institution> institutions) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                catalog == null ? Map.of() : Map.of("catalog", catalog));
        this.dayKeys = new DayKeys(ds, KEY_CLOCK);
        this.writer = new EventWriter(ds, ROBOTS, new InstitutionMatcher(institutions),
                new AccessTypes(beans.getBeanProvider(ArticleCatalog.class)), new EventKeys(dayKeys),
                Duration.ofMillis(50), 500, 100_000);
        this.rollup = new RollupService(ds, CLOCK, "Recto", node, Duration.ofMinutes(2));
        this.figures = new FiguresService(ds);
        rollup.setAfterRun(dayKeys::purge);
        writer.start();
    }

    Harness(DataSource ds) {
        this(ds, "node-a", null, List.of());
    }

    void flush() {
        try {
            if (!writer.flush(Duration.ofSeconds(60))) {
                throw new AssertionError("events not written within 60 s");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Flushes and rolls up; fails if the roll-up did not run. */
    void rollUp() {
        flush();
        if (!rollup.run(s -> { }).ran()) {
            throw new AssertionError("roll-up did not run");
        }
    }

    Map<String, Long> totals(String doi) {
        return figures.forArticle(doi).orElseThrow().metricTotals();
    }

    ArticleUsage usage(String doi) {
        return figures.forArticle(doi).orElseThrow();
    }

    @Override
    public void close() {
        writer.stop();
    }
}
