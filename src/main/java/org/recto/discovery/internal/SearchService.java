package org.recto.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.recto.article.Html;
import org.recto.discovery.DiscoveryProperties;
import org.recto.discovery.internal.QueryReader.ReadQuery;
import org.recto.discovery.internal.SearchResults.FacetCount;
import org.recto.discovery.internal.SearchResults.Hit;
import org.springframework.stereotype.Service;

/** Runs a search: BM25 over the text fields, narrowed by facets, one page of results with highlighted snippets. */
@Service
public class SearchService {

    private static final int FACET_VALUES = 12;
    private static final int SNIPPET_CHARS = 280;
    /** Snippets come from the first 50,000 characters of a body, which bounds the work of a page of results. */
    private static final int BODY_CHARS_HIGHLIGHTED = 50_000;
    private static final Set<String> HIT_FIELDS = Set.of(Fields.DOI, Fields.TITLE, Fields.AUTHORS,
            Fields.JOURNAL_TITLE, Fields.DATE_TEXT, Fields.TYPE_LABEL, Fields.NOTICE, Fields.ABSTRACT);
    private static final Sort BY_DATE = new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true),
            SortField.FIELD_SCORE);

    private final SearchIndex index;
    private final QueryReader reader;
    private final long timeoutMillis;

    SearchService(SearchIndex index, DiscoveryProperties properties) {
        this.index = index;
        this.reader = new QueryReader(index.analyzer(), properties.maxQueryLength());
        this.timeoutMillis = properties.searchTimeout().toMillis();
    }

    /** @throws RefusedQuery when the text cannot be searched; its message says why, for the reader */
    public SearchResults search(SearchQuery q) throws RefusedQuery {
        ReadQuery read = reader.read(q.text());
        try {
            return index.read((shared, facetState) -> run(q, read, shared, facetState));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResults run(SearchQuery q, ReadQuery read, IndexSearcher shared,
                              SortedSetDocValuesReaderState facetState) throws IOException {
        if (facetState == null) {
            return new SearchResults(q, 0, false, List.of(), Map.of(), read.note(), false);
        }
        // A searcher of its own, so that its time limit is this search's alone.
        MatchCounter.Searcher searcher = new MatchCounter.Searcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(timeoutMillis));
        // No query cache: each search's matches are found afresh, so a repeated search costs what a new one does.
        searcher.setQueryCache(null);
        DrillDownQuery narrowed = new DrillDownQuery(index.facetsConfig(), read.query());
        q.filters().forEach((dim, values) -> {
            if (Fields.FACETS.contains(dim)) {
                values.forEach(v -> narrowed.add(dim, v));
            }
        });
        TopDocs best = rank(q, read, narrowed, searcher, q.page() * q.size());
        MatchCounter.Counted counted = MatchCounter.count(searcher, narrowed);
        TopDocs page = page(best, (q.page() - 1) * q.size());
        List<Hit> hits = hits(searcher, read.query(), page);
        String note = read.note();
        boolean timedOut = searcher.timedOut();
        if (timedOut) {
            note = "The search took too long and was stopped: these are the results found by then.";
        }
        return new SearchResults(q, counted.total(), counted.approximate(), hits, facets(q, facetState, counted), note,
                timedOut);
    }

    /**
     * The best {@code top} matches in the order asked for. Only they are needed (the total and the facets are
     * {@link MatchCounter}'s), so Lucene may skip what cannot reach them (block-max MaxScore/WAND over the fields'
     * postings), which it could not while every match was collected: a word, a phrase or OR ranks in a third to a
     * fifth of the time. Not a conjunction of several words (or a word NOT another), each a sum over seven fields:
     * their block maxima together stay above the threshold, nothing is skipped, and the bookkeeping made these 5 to
     * 40 % slower than scoring every match (a wildcard's words score a constant, whose bound is tight: they gain).
     */
    private static TopDocs rank(SearchQuery q, ReadQuery read, Query narrowed, IndexSearcher searcher, int top)
            throws IOException {
        int threshold = scoredWords(read.query()) > 1 ? Integer.MAX_VALUE : top;
        return q.sort() == SearchQuery.Sort.DATE
                ? searcher.search(narrowed, new TopFieldCollectorManager(BY_DATE, top, null, threshold))
                : searcher.search(narrowed, new TopScoreDocCollectorManager(top, null, threshold));
    }

    /** The words a conjunction (looking into nested ones) requires or excludes, wildcards not counted. */
    private static int scoredWords(Query query) {
        if (query instanceof BooleanQuery b && b.clauses().stream().noneMatch(c -> c.getOccur() == Occur.SHOULD)) {
            return b.clauses().stream().filter(c -> c.getOccur() == Occur.MUST || c.getOccur() == Occur.MUST_NOT)
                    .mapToInt(c -> scoredWords(c.getQuery())).sum();
        }
        boolean[] wildcard = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                wildcard[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return wildcard[0] ? 0 : 1;
    }

    private static TopDocs page(TopDocs all, int from) {
        ScoreDoc[] docs = all.scoreDocs.length <= from ? new ScoreDoc[0]
                : Arrays.copyOfRange(all.scoreDocs, from, all.scoreDocs.length);
        return new TopDocs(all.totalHits, docs);
    }

    private List<Hit> hits(IndexSearcher searcher, Query words, TopDocs page) throws IOException {
        // Each result's stored fields are read (and decompressed) once; the highlighter takes the abstract from them.
        StoredFields stored = searcher.storedFields();
        Map<Integer, Document> docs = new HashMap<>();
        for (ScoreDoc d : page.scoreDocs) {
            docs.put(d.doc, stored.document(d.doc, HIT_FIELDS));
        }
        String[] snippets = snippets(searcher, words, page, doc -> docs.get(doc).get(Fields.ABSTRACT));
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            Document d = docs.get(page.scoreDocs[i].doc);
            String snippet = snippets[i] != null ? snippets[i] : opening(d.get(Fields.ABSTRACT));
            hits.add(new Hit(d.get(Fields.DOI), d.get(Fields.TITLE), Arrays.asList(d.getValues(Fields.AUTHORS)),
                    d.get(Fields.JOURNAL_TITLE), d.get(Fields.DATE_TEXT), d.get(Fields.TYPE_LABEL), d.get(Fields.NOTICE),
                    snippet));
        }
        return hits;
    }

    /** Each result's snippet from its abstract, else from its body; null where neither matches. */
    private String[] snippets(IndexSearcher searcher, Query words, TopDocs page, SnippetHighlighter.Abstracts abstracts)
            throws IOException {
        UnifiedHighlighter highlighter = new SnippetHighlighter(searcher, index.analyzer(), BODY_CHARS_HIGHLIGHTED,
                abstracts);
        String[] snippets = highlighter.highlight(Fields.ABSTRACT, words, page, 2);
        // The body (long, so the costly part) only for the results whose abstract does not match.
        List<ScoreDoc> needBody = new ArrayList<>();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            if (snippets[i] == null) {
                needBody.add(page.scoreDocs[i]);
            }
        }
        String[] bodies = needBody.isEmpty() ? new String[0] : highlighter.highlight(Fields.BODY, words,
                new TopDocs(page.totalHits, needBody.toArray(ScoreDoc[]::new)), 2);
        for (int i = 0, j = 0; i < page.scoreDocs.length; i++) {
            if (snippets[i] == null) {
                snippets[i] = bodies[j++];
            }
        }
        return snippets;
    }

    private static String opening(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.length() <= SNIPPET_CHARS ? text : text.substring(0, text.lastIndexOf(' ', SNIPPET_CHARS)) + " …";
        return Html.escape(t);
    }

    private static Map<String, List<FacetCount>> facets(SearchQuery q, SortedSetDocValuesReaderState state,
                                                        MatchCounter.Counted matches) throws IOException {
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, matches.matches());
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : Fields.FACETS) {
            List<String> chosen = q.filters().getOrDefault(dim, List.of());
            List<FacetCount> values = new ArrayList<>();
            FacetResult result;
            try {
                result = counts.getTopChildren(FACET_VALUES, dim);
            } catch (IllegalArgumentException noSuchDimension) {
                result = null; // no article has a value for it yet
            }
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    values.add(new FacetCount(lv.label, matches.estimate(lv.value.longValue()), chosen.contains(lv.label)));
                }
            }
            for (String c : chosen) {
                if (values.stream().noneMatch(v -> v.value().equals(c))) {
                    values.add(new FacetCount(c, 0, true));
                }
            }
            if ("year".equals(dim)) {
                values.sort((a, b) -> b.value().compareTo(a.value()));
            }
            facets.put(dim, values);
        }
        return facets;
    }
}
