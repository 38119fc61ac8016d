package org.recto.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The articles most like one article: Lucene's MoreLikeThis over title, abstract, keywords and body (the article's
 * most distinctive terms, weighted by BM25), re-ranked with the references: an article that cites this one or is
 * cited by it, and articles that cite the same works, move up. Explicit related-article links are never read.
 */
final class SimilarArticles {

    private static final int CANDIDATES = 50;
    /** Bonuses, as shares of the best text score. */
    private static final double DIRECT_CITATION = 0.6;
    private static final double SHARED_REFERENCE = 0.04;
    private static final double MAX_SHARED = 0.3;
    /** Below this (a share of the article's own score) an article is not similar enough to list. */
    private static final double MIN_SCORE = 0.05;
    private static final Set<String> NOTICES = Set.of("correction", "retraction", "partial-retraction",
            "expression-of-concern");

    private SimilarArticles() {
    }

    /**
     * A similar article: its DOI (as stored), title and score: its text score as a share of the article's own
     * (the article compared with itself), plus the references' bonuses, at most 1.
     */
    record Similar(String doi, String title, double score) {
    }

    private static Query unscored(Query q) {
        return new BoostQuery(new ConstantScoreQuery(q), 0f);
    }

    /**
     * The {@code limit} most similar to the article whose DOI (lower case) is {@code doiKey}, most similar first;
     * empty if it is not indexed. With {@code references} false, the text alone ranks them (for the benchmark).
     */
    static List<Similar> of(IndexSearcher searcher, Analyzer analyzer, String doiKey, int limit, boolean references)
            throws IOException {
        TopDocs self = searcher.search(new TermQuery(new Term(Fields.DOI_KEY, doiKey)), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        int docId = self.scoreDocs[0].doc;
        Set<String> cites = new HashSet<>(List.of(searcher.storedFields().document(docId, Set.of(Fields.CITES))
                .getValues(Fields.CITES)));
        Query like = likeQuery(searcher, analyzer, docId, doiKey, cites);
        // The article itself is among the candidates: its own score is what the others' are measured against.
        Query candidates = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermInSetQuery(Fields.TYPE, NOTICES.stream().map(BytesRef::new).toList()), Occur.MUST_NOT)
                .build();
        ScoreDoc[] found = searcher.search(candidates, CANDIDATES + 1).scoreDocs;
        double selfScore = 0;
        for (ScoreDoc sd : found) {
            if (sd.doc == docId) {
                selfScore = sd.score;
            }
        }
        if (selfScore <= 0) {
            selfScore = found.length == 0 ? 1 : found[0].score;
        }
        Map<String, Double> scores = new HashMap<>();
        Map<String, Document> docs = new HashMap<>();
        for (ScoreDoc sd : found) {
            if (sd.doc == docId) {
                continue;
            }
            Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.DOI, Fields.DOI_KEY, Fields.TITLE, Fields.CITES));
            String key = d.get(Fields.DOI_KEY);
            Set<String> theirs = new HashSet<>(List.of(d.getValues(Fields.CITES)));
            boolean direct = cites.contains(key) || theirs.contains(doiKey);
            theirs.retainAll(cites);
            double score = sd.score / selfScore;
            if (references) {
                score += (direct ? DIRECT_CITATION : 0) + Math.min(MAX_SHARED, SHARED_REFERENCE * theirs.size());
            }
            if (score >= MIN_SCORE) {
                scores.put(key, Math.min(1, score));
                docs.put(key, d);
            }
        }
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble((String k) -> -scores.get(k)).thenComparing(k -> k));
        return ranked.stream().limit(limit)
                .map(k -> new Similar(docs.get(k).get(Fields.DOI), docs.get(k).get(Fields.TITLE),
                        Math.round(scores.get(k) * 1000) / 1000.0))
                .toList();
    }

    /** The article's text in the fields similarity reads, as MoreLikeThis would read it from a stored document. */
    private static Map<String, Collection<Object>> text(IndexSearcher searcher, int docId) throws IOException {
        Document d = searcher.storedFields().document(docId, Set.of(Fields.SIMILARITY));
        Map<String, Collection<Object>> text = new HashMap<>();
        for (String field : Fields.SIMILARITY) {
            text.put(field, field.equals(Fields.BODY) ? List.of(BodyText.of(searcher.getIndexReader(), docId))
                    : List.of((Object[]) d.getValues(field)));
        }
        return text;
    }

    /** The article's most distinctive terms, and (unscored) what it cites and what cites it. */
    private static Query likeQuery(IndexSearcher searcher, Analyzer analyzer, int docId, String doiKey, Set<String> cites)
            throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(Fields.SIMILARITY);
        mlt.setMinTermFreq(2);
        mlt.setMinDocFreq(2);
        mlt.setMaxDocFreqPct(20);
        mlt.setMaxQueryTerms(60);
        mlt.setMinWordLen(3);
        mlt.setBoost(true);
        mlt.setMaxNumTokensParsed(20_000);
        BooleanQuery.Builder like = new BooleanQuery.Builder().add(mlt.like(text(searcher, docId)), Occur.SHOULD);
        // Scored 0 here: the bonus above says how much a citation counts.
        like.add(unscored(new TermQuery(new Term(Fields.CITES, doiKey))), Occur.SHOULD);
        if (!cites.isEmpty()) {
            like.add(unscored(new TermInSetQuery(Fields.DOI_KEY, cites.stream().map(BytesRef::new).toList())), Occur.SHOULD);
        }
        return like.build();
    }
}
