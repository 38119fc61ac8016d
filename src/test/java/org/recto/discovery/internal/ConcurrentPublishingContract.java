package org.recto.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.recto.article.ArticleTables;
import org.recto.ingest.JatsIngest;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Articles published at the same moment, whose similar-articles lists overlap, all get their related content at the
 * first attempt: no listener delivery fails on a lock another one holds. (Each listener used to write its lists and
 * its neighbours' marks in one transaction held for the whole listener; under load they deadlocked or timed out,
 * and only the registry's retry, a minute later, mended it; new versions of one article at once failed on
 * PostgreSQL with a duplicate key.) The retry is off here, so a failure stays visible.
 */
abstract class ConcurrentPublishingContract {

    static final int ARTICLES = 40;
    static final int VERSIONS = 6;

    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDeliveryOfNeighbouringArticlesPublishedAtOnceSucceedsFirstTime() throws Exception {
        ArticleTables.deleteAll(jdbc);
        List<Path> files;
        try (Stream<Path> s = Files.list(SharedData.dir().resolve("corpus/jats"))) {
            files = s.filter(p -> p.getFileName().toString().startsWith("elife")).sorted().limit(ARTICLES).toList();
        }
        // The journal's row first, so that only the listeners meet here (the import's own meeting is BatchImportContract's).
        assertThat(ingest.ingest(SharedData.read(files.get(0)), files.get(0).getFileName().toString()).ok()).isTrue();
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (Path f : files.subList(1, files.size())) {
                done.add(publishers.submit(() -> ingest.ingest(SharedData.read(f), f.getFileName().toString()).ok()));
            }
            // New versions of one article, one after the other: their listeners run at once and write the same rows.
            String first = Files.readString(files.get(0));
            done.add(publishers.submit(() -> {
                boolean ok = true;
                for (int v = 1; v <= VERSIONS; v++) {
                    String version = first.replaceFirst("<article-title>", "<article-title>Version " + v + ": ");
                    ok &= ingest.ingest(version.getBytes(StandardCharsets.UTF_8), "version-" + v + ".xml").ok();
                }
                return ok;
            }));
            for (Future<Boolean> ok : done) {
                assertThat(ok.get()).isTrue();
            }
        } finally {
            publishers.shutdown();
        }
        awaitDeliveriesThatCanStillFinish();

        assertThat(jdbc.sql("select listener_id from event_publication where status = 'FAILED'")
                .query(String.class).list()).as("failed listener deliveries").isEmpty();
        assertThat(jdbc.sql("select count(*) from related_content").query(Integer.class).single())
                .as("articles with related content").isEqualTo(ARTICLES);
    }

    /** Waits for every delivery that is neither finished nor failed (a failed one would wait for the retry). */
    private void awaitDeliveriesThatCanStillFinish() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (jdbc.sql("select count(*) from event_publication where completion_date is null "
                + "and (status is null or status <> 'FAILED')").query(Integer.class).single() > 0) {
            assertThat(System.nanoTime()).as("listener deliveries finished").isLessThan(end);
            Thread.sleep(100);
        }
    }
}
