package org.recto.article.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.recto.article.Article;
import org.recto.article.BackMatter;
import org.recto.article.Body;
import org.recto.article.JournalMeta;
import org.recto.article.Permissions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The versions this node committed a moment ago, as the import parsed them, so that the listeners deriving data
 * from them (search index, references, formats, the first page render) need not read them back from the store.
 * Only a cache: an entry is added once its transaction has committed, the oldest go when the entries weigh more
 * than {@link #MAX_WEIGHT}, and a version that is not here (another node's, a delivery replayed after a restart,
 * one the listeners reached too late) is read from the store as before. A stored version never changes, so an
 * entry never goes stale; what can change (the latest version, the journal's row) is read from the store with it.
 */
@Component
class RecentVersions {

    /** The XML bytes of the articles kept: about 400 of the corpus's; an article in memory takes about twice its XML. */
    static final long MAX_WEIGHT = 48L << 20;

    private record Key(String doiKey, int version) {
    }

    private record Entry(Article article, long weight) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private long weight;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** Keeps the article once the current transaction commits (at once without one); nothing if it rolls back. */
    void putAfterCommit(String doi, int version, Article article, long weight) {
        Key key = new Key(DoiKeys.key(doi), version);
        Article stored = asStored(article);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    put(key, new Entry(stored, weight));
                }
            });
        } else {
            put(key, new Entry(stored, weight));
        }
    }

    private synchronized void put(Key key, Entry entry) {
        Entry old = entries.put(key, entry);
        weight += entry.weight() - (old == null ? 0 : old.weight());
        for (Iterator<Entry> oldest = entries.values().iterator(); weight > MAX_WEIGHT && oldest.hasNext(); ) {
            weight -= oldest.next().weight();
            oldest.remove();
        }
    }

    /** The version as parsed, with the null parts the store reads back as empty, if it is still here. */
    Optional<Article> get(String doi, int version) {
        Entry e;
        synchronized (this) {
            e = entries.get(new Key(DoiKeys.key(doi), version));
        }
        (e == null ? misses : hits).incrementAndGet();
        return Optional.ofNullable(e).map(Entry::article);
    }

    /** How many reads this cache answered, and how many went to the store. */
    long[] reads() {
        return new long[] {hits.get(), misses.get()};
    }

    /**
     * The article as the store gives it back: what the writer stores as empty for a missing part reads back
     * empty, and the journal and DOI are the store's (its journal row, its article row), given by the reader.
     */
    private static Article asStored(Article a) {
        return new Article(a.doi(), a.articleType(), a.language(), a.journal(), a.ids(),
                a.titleHtml() == null ? "" : a.titleHtml(), a.subtitleHtml(), a.contributors(), a.affiliations(),
                a.authorNotes(), a.pubDates(), a.volume(), a.issue(), a.firstPage(), a.lastPage(), a.elocationId(),
                a.permissions() == null ? Permissions.NONE : a.permissions(), a.abstracts(), a.keywordGroups(),
                a.subjectGroups(), a.relatedArticles(), a.body() == null ? Body.EMPTY : a.body(),
                a.back() == null ? BackMatter.EMPTY : a.back());
    }

    /** The article under the DOI and journal the store holds now. */
    static Article withIdentity(Article a, String doi, JournalMeta journal) {
        return new Article(doi, a.articleType(), a.language(), journal, a.ids(), a.titleHtml(), a.subtitleHtml(),
                a.contributors(), a.affiliations(), a.authorNotes(), a.pubDates(), a.volume(), a.issue(), a.firstPage(),
                a.lastPage(), a.elocationId(), a.permissions(), a.abstracts(), a.keywordGroups(), a.subjectGroups(),
                a.relatedArticles(), a.body(), a.back());
    }
}
