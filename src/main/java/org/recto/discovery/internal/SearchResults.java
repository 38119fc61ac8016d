package org.recto.discovery.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a search found: the number of matches, one page of them, and the facet counts of the matches.
 *
 * @param approximate the total and the facet counts are estimates from a sample of the index (a search with many
 *                    thousands of matches: {@link MatchCounter}), rounded to two significant digits; else exact
 * @param note        set when the query was read otherwise than written, or the search ran out of time
 * @param timedOut    the search stopped at its time limit, so counts and results are what it found by then
 */
public record SearchResults(SearchQuery query, long total, boolean approximate, List<Hit> results,
                            Map<String, List<FacetCount>> facets, String note, boolean timedOut) {

    public SearchResults {
        results = List.copyOf(results);
    }

    /** A count as a page shows it: "about 19,000" when it is an estimate, else the number as it is. */
    public String shown(long count) {
        return approximate ? String.format(Locale.ROOT, "about %,d", count) : String.valueOf(count);
    }

    /** "15 results", or "About 19,000 results" for an estimate. */
    public String heading() {
        if (approximate) {
            return String.format(Locale.ROOT, "About %,d results", total);
        }
        return total + (total == 1 ? " result" : " results");
    }

    public int pages() {
        long reachable = Math.min(total, SearchQuery.MAX_RANK);
        return (int) Math.max(1, (reachable + query.size() - 1) / query.size());
    }

    /**
     * One result. {@code snippetHtml} is HTML-escaped text whose matches are wrapped in {@code <mark>};
     * {@code notice} marks corrections, retractions and the articles they concern.
     */
    public record Hit(String doi, String title, List<String> authors, String journal, String date, String type,
                      String notice, String snippetHtml) {
        public Hit {
            authors = List.copyOf(authors);
        }
    }

    /** A facet value, how many of the matches have it, and whether the search is narrowed to it. */
    public record FacetCount(String value, long count, boolean selected) {
    }
}
