package org.recto.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.article.Article;
import org.recto.article.Body;
import org.recto.article.StoredArticle;
import org.recto.formats.FormatKind;
import org.recto.formats.FormatsProperties;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A render past its time limit stops and gives its thread back: with one render thread, a PDF far longer than
 * the corpus's longest article is refused after four seconds, the pool is idle again at once, and the
 * next file is made on that same slot instead of queueing behind a render nobody waits for; and a queued render
 * whose readers all gave up is not made when its turn comes.
 */
class RenderTimeoutTest {

    @Test
    void aTimedOutRenderFreesItsSlot(@TempDir Path dir) throws Exception {
        JatsReader reader = new JatsReader();
        // The corpus's longest article, its body twenty times over: no machine makes that PDF within the limit,
        // however warm its JIT (in a warm suite JVM the article alone was made in under a second).
        StoredArticle big = stored(swollen(reader.read(SharedData.read(SharedData.corpus("elife06416.xml")), "elife06416.xml"), 20));
        StoredArticle seed = stored(reader.read(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed"));
        for (int i = 0; i < 2; i++) {
            // Warmed up, so that the seed's EPUB (under a second) is well within the limit on a loaded machine.
            new FormatMaker(null, null).make(seed, FormatKind.EPUB, List.of());
        }
        List<Object> events = new CopyOnWriteArrayList<>();
        var tx = new TransactionTemplate(new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:render-timeout")));
        FormatFiles files = new FormatFiles(new FormatsProperties(dir, Duration.ofSeconds(4), 1, false), null, null,
                events::add, tx, Clock.systemUTC());
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> files.obtain(big, FormatKind.PDF)).isInstanceOf(FormatUnavailableException.class);
            // The render stops within a moment of its limit (it would otherwise run on for a minute or more).
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(() -> files.rendering() == 0);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            assertThat(files.existing(big.article().doi(), 1, FormatKind.PDF)).isEmpty();

            Path epub = files.obtain(seed, FormatKind.EPUB);
            assertThat(Files.size(epub)).isPositive();
            assertThat(events).hasSize(1);
        } finally {
            files.close();
        }
    }

    /**
     * A render queued behind a busy slot whose only reader gives up (here: its thread is interrupted) is not made
     * when its turn comes; the next reader to ask gets it made.
     */
    @Test
    void aQueuedRenderNobodyWaitsForIsNotMade(@TempDir Path dir) throws Exception {
        JatsReader reader = new JatsReader();
        StoredArticle big = stored(swollen(reader.read(SharedData.read(SharedData.corpus("elife06416.xml")), "elife06416.xml"), 20));
        StoredArticle seed = stored(reader.read(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed"));
        List<Object> events = new CopyOnWriteArrayList<>();
        var tx = new TransactionTemplate(new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:render-queued")));
        FormatFiles files = new FormatFiles(new FormatsProperties(dir, Duration.ofSeconds(4), 1, false), null, null,
                events::add, tx, Clock.systemUTC());
        try {
            Thread busy = new Thread(() -> assertThatThrownBy(() -> files.obtain(big, FormatKind.PDF))
                    .isInstanceOf(FormatUnavailableException.class));
            busy.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> files.rendering() == 1);
            List<Throwable> seen = new CopyOnWriteArrayList<>();
            Thread waiter = new Thread(() -> {
                try {
                    files.obtain(seed, FormatKind.EPUB);
                } catch (FormatUnavailableException e) {
                    seen.add(e);
                }
            });
            waiter.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
            waiter.interrupt();
            waiter.join();
            assertThat(seen).hasSize(1);
            busy.join();
            await().atMost(Duration.ofSeconds(10)).until(() -> files.finished() == 2);
            assertThat(files.existing(seed.article().doi(), 1, FormatKind.EPUB)).isEmpty();
            assertThat(events).isEmpty();

            assertThat(Files.size(files.obtain(seed, FormatKind.EPUB))).isPositive();
            assertThat(events).hasSize(1);
        } finally {
            files.close();
        }
    }

    private static Article swollen(Article a, int times) {
        Body body = new Body(a.body().html().repeat(times), a.body().sections(), a.body().figureCount(), a.body().tableCount());
        return new Article(a.doi(), a.articleType(), a.language(), a.journal(), a.ids(), a.titleHtml(), a.subtitleHtml(),
                a.contributors(), a.affiliations(), a.authorNotes(), a.pubDates(), a.volume(), a.issue(), a.firstPage(),
                a.lastPage(), a.elocationId(), a.permissions(), a.abstracts(), a.keywordGroups(), a.subjectGroups(),
                a.relatedArticles(), body, a.back());
    }

    private static StoredArticle stored(Article a) {
        return new StoredArticle(a, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
    }
}
