package org.recto.discovery.internal;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A search's matches in some windows of the index only: the index's document ids (across its segments) are cut into
 * windows of {@link #WINDOW} ids, and window {@code w} is searched when {@code w % STRIDE} is one of the chosen
 * residues. It counts a search's matches in a sample spread evenly over the index (ids follow the order articles were
 * indexed in, so every period of the list is in it); the search's postings are skipped between the windows. The
 * search's own weight is wrapped, so that a second sample of the same search looks its terms up no more.
 */
final class SampledWindows extends FilterWeight {

    static final int WINDOW = 256;
    static final int STRIDE = 16;

    private final boolean[] chosen = new boolean[STRIDE];

    SampledWindows(Weight matching, int... residues) {
        super(matching);
        for (int r : residues) {
            chosen[r] = true;
        }
    }

    /** How many of the ids below {@code maxDoc} are in the chosen windows. */
    long ids(int maxDoc) {
        long n = 0;
        for (long w = 0; w * WINDOW < maxDoc; w++) {
            if (chosen[(int) (w % STRIDE)]) {
                n += Math.min(WINDOW, maxDoc - w * WINDOW);
            }
        }
        return n;
    }

    @Override
    public Scorer scorer(LeafReaderContext context) {
        throw new UnsupportedOperationException("a sample is only collected, through bulkScorer");
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public BulkScorer bulkScorer(LeafReaderContext context) throws IOException {
        BulkScorer all = in.bulkScorer(context);
        return all == null ? null : new Windows(all, context.docBase, context.reader().maxDoc());
    }

    /** One segment's matches, window by chosen window. */
    private final class Windows extends BulkScorer {

        private final BulkScorer all;
        private final int base;
        private final int maxDoc;

        Windows(BulkScorer all, int base, int maxDoc) {
            this.all = all;
            this.base = base;
            this.maxDoc = maxDoc;
        }

        /** The first id from {@code doc} on (segment ids) that is in a chosen window; NO_MORE_DOCS past the end. */
        private int chosenFrom(int doc) {
            for (long w = ((long) base + doc) / WINDOW; ; w++) {
                long start = Math.max(doc, w * WINDOW - base);
                if (start >= maxDoc) {
                    return DocIdSetIterator.NO_MORE_DOCS;
                }
                if (chosen[(int) (w % STRIDE)]) {
                    return (int) start;
                }
            }
        }

        @Override
        public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
            int next = chosenFrom(min);
            while (next < max) {
                int end = (int) Math.min(max, (((long) base + next) / WINDOW + 1) * WINDOW - base);
                next = all.score(collector, acceptDocs, next, end);
                if (next == DocIdSetIterator.NO_MORE_DOCS) {
                    return next;
                }
                next = chosenFrom(next);
            }
            return next;
        }

        @Override
        public long cost() {
            return Math.max(1, all.cost() * ids(maxDoc) / Math.max(1, maxDoc));
        }
    }
}
