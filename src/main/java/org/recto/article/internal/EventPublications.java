package org.recto.article.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;

import org.recto.article.ArticlePublished;
import org.recto.article.DerivedWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the event publication registry: how much derived work is pending, and a retry of deliveries
 * whose listener failed (the registry records the failure; nothing else would try again until a restart).
 */
@Component
class EventPublications implements DerivedWork {

    /** A delivery that failed this often is left for an operator (and for the next start). */
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final RecentVersions recent;

    EventPublications(JdbcClient jdbc, IncompleteEventPublications incomplete, Clock clock, RecentVersions recent) {
        this.jdbc = jdbc;
        this.recent = recent;
        this.incomplete = incomplete;
        this.clock = clock;
    }

    @Override
    public long pending() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    @Override
    public long pendingArticles() {
        // One serialized event per version: its listeners' rows carry the same text.
        return jdbc.sql("""
                select count(distinct serialized_event) from event_publication
                where completion_date is null and event_type = ?""")
                .param(ArticlePublished.class.getName()).query(Long.class).single();
    }

    @Override
    public Reads reads() {
        long[] reads = recent.reads();
        return new Reads(reads[0], reads[1]);
    }

    @Override
    public boolean await(Duration timeout, LongConsumer progress) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        long last = -1;
        while (true) {
            long now = pending();
            if (now != last) {
                progress.accept(now);
                last = now;
            }
            if (now == 0) {
                return true;
            }
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    @Scheduled(initialDelayString = "${recto.events.retry-interval:60s}", fixedDelayString = "${recto.events.retry-interval:60s}")
    void retryFailed() {
        Instant before = clock.instant().minusSeconds(30);
        incomplete.resubmitIncompletePublications(p -> p.getStatus() == EventPublication.Status.FAILED
                && p.getCompletionAttempts() < MAX_ATTEMPTS
                && (p.getLastResubmissionDate() == null || p.getLastResubmissionDate().isBefore(before)));
    }
}
