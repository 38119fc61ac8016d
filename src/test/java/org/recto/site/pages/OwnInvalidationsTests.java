package org.recto.site.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.recto.attention.MentionsRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node drops a page at once for a change it recorded itself, and its poll of the log does not drop it a second
 * time: the page prepared again in between stays (it was rendered twice, and a test that rendered in between saw
 * its page vanish). Another node's row is still acted on. The poll runs here only when the test calls it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "recto.site.invalidation-poll=1h")
class OwnInvalidationsTests {

    static final String DOI = "10.5555/own-invalidation";

    @Autowired
    PageInvalidations invalidations;
    @Autowired
    PageCache cache;
    @Autowired
    JdbcClient jdbc;

    private final PageKey key = PageKey.of(DOI, null, PageKey.Kind.LANDING, false);

    private void prepare() {
        PreparedPage page = new PreparedPage(new byte[] {1}, new byte[] {2}, null, "\"e\"", Instant.EPOCH, 1);
        assertThat(cache.get(key, k -> Optional.of(page)).orElseThrow().rendered()).isTrue();
    }

    private boolean held() {
        return cache.get(key, k -> Optional.empty()).isPresent();
    }

    @Test
    void aRowThisNodeWroteIsNotActedOnAgainByItsPollButAnotherNodesIs() throws InterruptedException {
        invalidations.poll(); // whatever the log held before
        prepare();
        invalidations.on(new MentionsRecorded(List.of(DOI))); // a listener: it runs on another thread
        long end = System.nanoTime() + 30_000_000_000L;
        while (held() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(held()).as("dropped by the listener, not waiting for a poll").isFalse();

        prepare();
        invalidations.poll();
        assertThat(held()).as("prepared again after the change, kept by the poll").isTrue();

        jdbc.sql("insert into page_invalidation (doi_key, at) values (?, current_timestamp)").param(DOI).update();
        invalidations.poll();
        assertThat(held()).as("another node's row drops it").isFalse();
    }
}
