package org.recto.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.recto.discovery.DiscoveryProperties;
import org.recto.discovery.internal.RelatedStore.Stale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes again, in the background, the similar-articles lists that publishing marked stale
 * ({@link RelatedComputation#refresh}): once no article has been marked for {@code recto.discovery.neighbour-delay}
 * (or the oldest mark has waited thirty times that), so that during a bulk import a neighbour marked by many new
 * articles is computed once, against the index they are all in. The marks are in the database (a crash loses none;
 * any node may do them), and every round announces the pages that changed in one {@code RelatedContentChanged}.
 */
@Component
class NeighbourRefresh implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NeighbourRefresh.class);
    private static final int BATCH = 200;

    private final RelatedComputation related;
    private final RelatedStore store;
    private final TransactionTemplate transaction;
    private final long quietNanos;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "discovery-neighbours");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastMark = System.nanoTime();
    private volatile long firstMark;
    private volatile boolean pending;

    NeighbourRefresh(RelatedComputation related, RelatedStore store, PlatformTransactionManager transactions,
                     DiscoveryProperties properties) {
        this.related = related;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.quietNanos = properties.neighbourDelay().toNanos();
        related.onMarked(this::marked);
    }

    private void marked() {
        long now = System.nanoTime();
        if (!pending) {
            firstMark = now;
            pending = true;
        }
        lastMark = now;
    }

    @Scheduled(initialDelayString = "${recto.discovery.neighbour-delay:1s}", fixedDelayString = "${recto.discovery.neighbour-delay:1s}")
    void schedule() {
        long now = System.nanoTime();
        // Marks made here wait for quiet; marks found in the table with none made here (another node's, or a
        // crash's) are done at once.
        boolean quiet = !pending || now - lastMark >= quietNanos || now - firstMark >= 30 * quietNanos;
        if (quiet && running.compareAndSet(false, true)) {
            thread.execute(() -> {
                try {
                    while (round() == BATCH && !pending) {
                        // a full batch and nothing new or failed: there is more, do it now
                    }
                } catch (RuntimeException e) {
                    log.warn("Refreshing similar articles failed; trying again later", e);
                } finally {
                    running.set(false);
                }
            });
        }
    }

    /**
     * One batch of marked lists computed again; answers how many marks it read. The marks are cleared after the
     * changed pages are announced, so no mark left means the announcement is in the event registry.
     */
    int round() {
        pending = false;
        List<Stale> marks = store.stale(BATCH);
        List<String> changed = new ArrayList<>();
        List<Stale> done = new ArrayList<>();
        for (Stale mark : marks) {
            try {
                related.refreshNeighbour(mark.key()).ifPresent(changed::add);
                done.add(mark);
            } catch (RuntimeException e) {
                // e.g. the article's own list being saved at the same moment: its mark stays for the next round
                log.debug("Similar articles of {} not refreshed this round: {}", mark.key(), e.toString());
                pending = true;
            }
        }
        if (!changed.isEmpty()) {
            transaction.executeWithoutResult(s -> related.announce(changed));
        }
        done.forEach(store::unmark);
        return marks.size();
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
