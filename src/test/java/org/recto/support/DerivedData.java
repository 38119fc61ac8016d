package org.recto.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.recto.article.DerivedWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tests that import articles wait for the listeners (parsed references, page invalidations) before they look. */
public final class DerivedData {

    private DerivedData() {
    }

    /**
     * Also waits for the similar-articles lists of new articles' neighbours, which the discovery module computes
     * again in the background ({@code related_stale} empties once it has, and has announced the pages that changed).
     */
    public static void awaitRelated(DerivedWork work, JdbcClient jdbc) {
        await(work);
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (jdbc.sql("select count(*) from related_stale").query(Integer.class).single() > 0) {
            assertThat(System.nanoTime()).as("neighbours' similar articles refreshed").isLessThan(end);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        await(work);
    }

    public static void await(DerivedWork work) {
        try {
            assertThat(work.await(Duration.ofSeconds(120), left -> { })).as("derived work finished").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
