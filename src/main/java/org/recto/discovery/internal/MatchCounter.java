package org.recto.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Finds a search's matches for its total and its facet counts, without scoring them (the ranking is a pass of its
 * own, which may skip). While a search has a few thousand matches or fewer, every one is counted. Past that, they are
 * counted in a sample of the index ({@link SampledWindows}: a sixteenth of it, else a quarter) that holds at least
 * {@link #ENOUGH} of them, and the total and the counts are estimates from it, rounded to two significant digits.
 */
final class MatchCounter {

    /**
     * Matches a sample must hold to stand for the index: the total is then within about 4.5 % (one standard error),
     * and a quarter of the index holds that many when the search has 2,000 matches.
     */
    static final int ENOUGH = 500;
    /** The samples tried in turn, as the window residues each adds: 1/16 of the index, then 4/16. */
    private static final int[][] SAMPLES = {{0}, {4, 8, 12}};

    private MatchCounter() {
    }

    /**
     * The matches found, and how many documents of the index each stands for (1 when every match was counted).
     *
     * @param matches the matching documents counted (a sample of them when {@code scale} is above 1)
     */
    record Counted(FacetsCollector matches, long total, double scale) {

        boolean approximate() {
            return scale > 1;
        }

        /** What a count in the matches stands for in the whole index. */
        long estimate(long counted) {
            return approximate() ? twoDigits(Math.round(counted * scale)) : counted;
        }
    }

    /** A searcher that collects a weight made once, for the samples of one search. */
    static final class Searcher extends IndexSearcher {

        Searcher(IndexReader reader) {
            super(reader);
        }

        FacetsCollector collect(Weight weight) throws IOException {
            FacetsCollector matches = new FacetsCollector();
            search(getLeafContexts(), weight, matches);
            return matches;
        }
    }

    static Counted count(Searcher searcher, Query query) throws IOException {
        Weight matching = searcher.createWeight(searcher.rewrite(new ConstantScoreQuery(query)),
                ScoreMode.COMPLETE_NO_SCORES, 1);
        int maxDoc = searcher.getIndexReader().maxDoc();
        List<FacetsCollector> found = new ArrayList<>();
        boolean[] counted = new boolean[SampledWindows.STRIDE];
        long matches = 0;
        long ids = 0;
        // A small index is counted at once: a sixteenth of it could not hold enough matches to stand for it.
        for (int s = 0; s < SAMPLES.length && maxDoc >= SampledWindows.STRIDE * ENOUGH; s++) {
            SampledWindows windows = new SampledWindows(matching, SAMPLES[s]);
            found.add(searcher.collect(windows));
            matches += total(found.get(found.size() - 1));
            for (int r : SAMPLES[s]) {
                counted[r] = true;
            }
            ids += windows.ids(maxDoc);
            if (matches >= ENOUGH) {
                double scale = (double) maxDoc / ids;
                return new Counted(merged(found), twoDigits(Math.round(matches * scale)), scale);
            }
        }
        int[] rest = IntStream.range(0, SampledWindows.STRIDE).filter(r -> !counted[r]).toArray();
        found.add(searcher.collect(found.isEmpty() ? matching : new SampledWindows(matching, rest)));
        FacetsCollector all = merged(found);
        return new Counted(all, total(all), 1);
    }

    private static FacetsCollector merged(List<FacetsCollector> found) throws IOException {
        return found.size() == 1 ? found.get(0) : new FacetsCollectorManager().reduce(found);
    }

    private static long total(FacetsCollector c) {
        return c.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    }

    /** {@code n} rounded to two significant digits (19,401 to 19,000): an estimate claims no more than it knows. */
    static long twoDigits(long n) {
        long unit = 1;
        while (n / unit >= 100) {
            unit *= 10;
        }
        return Math.round((double) n / unit) * unit;
    }
}
