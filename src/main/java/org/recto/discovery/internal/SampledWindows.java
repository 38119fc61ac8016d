package org.recto.discovery.internal;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Matches the documents of some windows of the index: the index's document ids (across its segments) are cut into
 * windows of {@link #WINDOW} ids, and window {@code w} is matched when {@code w % STRIDE} is one of the chosen
 * residues. Narrowing a search with it counts the search's matches in a sample of the index spread evenly over it
 * (ids follow the order articles were indexed in, so every period of the list is in the sample), and the search's
 * postings are skipped between the windows rather than read.
 */
final class SampledWindows extends Query {

    static final int WINDOW = 256;
    static final int STRIDE = 16;

    private final boolean[] chosen = new boolean[STRIDE];

    SampledWindows(int... residues) {
        for (int r : residues) {
            chosen[r] = true;
        }
    }

    /** The share of the index's ids in the chosen windows, as a count of ids among {@code maxDoc}. */
    long ids(int maxDoc) {
        long n = 0;
        for (int w = 0; (long) w * WINDOW < maxDoc; w++) {
            if (chosen[w % STRIDE]) {
                n += Math.min(WINDOW, maxDoc - (long) w * WINDOW);
            }
        }
        return n;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                return new ConstantScoreScorer(this, score(), scoreMode, new Windows(context));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    /** The chosen ids of one segment, in order. */
    private final class Windows extends DocIdSetIterator {

        private final int base;
        private final int maxDoc;
        private int doc = -1;

        Windows(LeafReaderContext context) {
            this.base = context.docBase;
            this.maxDoc = context.reader().maxDoc();
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            if (target >= maxDoc) {
                return doc = NO_MORE_DOCS;
            }
            int global = base + target;
            for (int w = global / WINDOW; ; w++) {
                int start = Math.max(global, w * WINDOW) - base;
                if (start >= maxDoc) {
                    return doc = NO_MORE_DOCS;
                }
                if (chosen[w % STRIDE]) {
                    return doc = start;
                }
            }
        }

        @Override
        public long cost() {
            return Math.max(1, ids(base + maxDoc) - ids(base));
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "SampledWindows" + Arrays.toString(chosen);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && Arrays.equals(chosen, ((SampledWindows) other).chosen);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + Arrays.hashCode(chosen);
    }
}
