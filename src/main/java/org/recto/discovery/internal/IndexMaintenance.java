package org.recto.discovery.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticlePublished;
import org.recto.article.ArticleVersions;
import org.recto.article.ArticleVersions.VersionKey;
import org.recto.article.StoredArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index true to the store: a published version is indexed (and its related content computed)
 * as soon as it commits; and every {@code recto.discovery.sync-interval}, starting at start-up, the index is
 * compared with the store, so that a node whose index is missing rebuilds it, and versions published through
 * another node of a cluster reach this node's index too.
 */
@Component
class IndexMaintenance implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
    private static final Duration QUEUED_FOR = Duration.ofHours(1);

    private final SearchIndex index;
    private final ArticleCatalog catalog;
    private final ArticleVersions versions;
    private final RelatedComputation related;
    /** The comparison with the store runs off the scheduler's thread, which other modules' polls share. */
    private final ExecutorService syncThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "discovery-index-sync");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean syncing = new AtomicBoolean();
    /**
     * The DOIs whose publication this node's listener has still to index, and since when: the comparison with the
     * store leaves them to it, rather than index each twice while a bulk import's listeners catch up.
     */
    private final Map<String, Long> queued = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    IndexMaintenance(SearchIndex index, ArticleCatalog catalog, ArticleVersions versions, RelatedComputation related) {
        this.index = index;
        this.catalog = catalog;
        this.versions = versions;
        this.related = related;
    }

    /**
     * Told as the version is stored (inside its transaction): the listener below will index it here. Not for a
     * reindex, whose first delivery compares the whole index with the store before it computes related content.
     */
    @EventListener
    void queued(ArticlePublished published) {
        if (!published.reindex()) {
            queued.put(ArticleDocuments.key(published.doi()), System.nanoTime());
        }
    }

    @ApplicationModuleListener
    void on(ArticlePublished published) throws IOException {
        try {
            index(published);
        } finally {
            queued.remove(ArticleDocuments.key(published.doi()));
        }
    }

    private void index(ArticlePublished published) throws IOException {
        if (published.reindex()) {
            catchUp(); // similar articles of a reindex are computed against the whole index, not the part built so far
        }
        Optional<Integer> indexed = indexLatest(published.doi());
        if (indexed.isEmpty() || indexed.get() != published.version()) {
            return; // an earlier version announced by a reindex: the latest's own announcement does the work
        }
        // A correction or retraction changes how the articles it links to are marked in results.
        published.linkedDois().forEach(this::indexLatest);
        index.refresh();
        related.refresh(published.doi(), !published.reindex());
    }

    private void catchUp() throws IOException {
        if (!caughtUp) {
            synchronized (this) {
                if (!caughtUp) {
                    sync();
                    caughtUp = true;
                }
            }
        }
    }

    /** Indexes the latest version of the DOI; answers which version that was (empty if the store has none). */
    synchronized Optional<Integer> indexLatest(String doi) {
        Optional<StoredArticle> stored = catalog.find(doi);
        String key = ArticleDocuments.key(doi);
        if (stored.isEmpty()) {
            index.remove(key);
            return Optional.empty();
        }
        StoredArticle s = stored.get();
        index.put(key, s.version(), ArticleDocuments.of(s, catalog.relationsTo(s.article().doi())));
        return Optional.of(s.version());
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${recto.discovery.sync-interval:30s}")
    void scheduleSync() {
        if (syncing.compareAndSet(false, true)) {
            syncThread.execute(() -> {
                try {
                    sync();
                } catch (RuntimeException | IOException e) {
                    log.warn("Comparing the search index with the store failed; trying again later", e);
                } finally {
                    syncing.set(false);
                }
            });
        }
    }

    /** Indexes what the store has and the index lacks, drops what the store no longer has; answers how many changed. */
    int sync() throws IOException {
        Map<String, Integer> indexed = index.versions();
        Set<String> stale = new LinkedHashSet<>();
        // A mark older than this is one whose transaction rolled back (or whose delivery is long overdue).
        long recent = System.nanoTime() - QUEUED_FOR.toNanos();
        queued.values().removeIf(at -> at < recent);
        for (VersionKey v : versions.allVersions()) {
            if (v.latest()) {
                String key = ArticleDocuments.key(v.doi());
                Integer have = indexed.remove(key);
                if ((have == null || have < v.version()) && !queued.containsKey(key)) {
                    stale.add(v.doi());
                }
            }
        }
        if (!stale.isEmpty()) {
            log.info("Search index: {} articles to index from the store", stale.size());
        }
        int done = 0;
        for (String doi : stale) {
            indexLatest(doi);
            if (++done % 500 == 0) {
                index.refresh();
            }
        }
        indexed.keySet().forEach(this::indexLatest); // no longer in the store: indexLatest removes them
        index.refresh();
        index.commit();
        return stale.size() + indexed.size();
    }

    @Override
    public void destroy() throws IOException {
        syncThread.shutdownNow();
        index.commit();
    }
}
