package org.recto.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.recto.article.DerivedWork;

/** Tests that import articles wait for the listeners (parsed references, page invalidations) before they look. */
public final class DerivedData {

    private DerivedData() {
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
