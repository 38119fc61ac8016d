package org.recto.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's unified highlighter (offsets from the postings) for the abstract and the body of one page of results:
 * the body is read from its doc value ({@link BodyText}), the abstract is the one the caller read with the result's
 * other stored fields (rather than the highlighter reading and decompressing the stored document a second time).
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    /** A result's stored abstract, by its (top-level) document id; null if it has none. */
    @FunctionalInterface
    interface Abstracts {
        String of(int doc);
    }

    private final Abstracts abstracts;

    SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer, int maxLength, Abstracts abstracts) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(maxLength)
                // No match, no snippet: the caller then tries the body (left alone, a field without a match would
                // give its opening, and the body would never be looked at).
                .withMaxNoHighlightPassages(0)
                // Terms and phrases taken from the query once, rather than the whole query's Matches asked of each
                // result (every field's terms looked up again per document: 40 % of highlighting in the profile).
                .withWeightMatches(false)
                .withBreakIterator(SentenceBreaks::new)
                .withScorer(new PassageScores()));
        this.abstracts = abstracts;
    }

    /**
     * Both fields are indexed with offsets ({@link ArticleDocuments}); the highlighter would otherwise learn that
     * from the field infos of every segment merged again for each field of each page.
     */
    @Override
    protected OffsetSource getOffsetSource(String field) {
        return field.equals(Fields.ABSTRACT) || field.equals(Fields.BODY) ? OffsetSource.POSTINGS
                : super.getOffsetSource(field);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        if (fields.length != 1 || !(fields[0].equals(Fields.BODY) || fields[0].equals(Fields.ABSTRACT))) {
            return super.loadFieldValues(fields, docs, cacheCharsThreshold);
        }
        boolean body = fields[0].equals(Fields.BODY);
        // As the highlighter's own: documents until their text passes the threshold (just one when it is 0).
        List<CharSequence[]> values = new ArrayList<>();
        int chars = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String text = body ? BodyText.of(getIndexSearcher().getIndexReader(), doc, getMaxLength())
                    : abstracts.of(doc);
            if (text != null && text.length() > getMaxLength()) {
                text = text.substring(0, getMaxLength());
            }
            values.add(new CharSequence[] {text});
            chars += text == null ? 0 : text.length();
            if (chars > cacheCharsThreshold || cacheCharsThreshold == 0) {
                break;
            }
        }
        return values;
    }

    /**
     * Lucene's passage score (BM25 over the passage, the same sums in the same order), without the hash of terms
     * it allocates for every passage considered (32 kB each: a tenth of highlighting in the profile); a passage
     * holds a few matches, so its distinct terms are found by looking through them.
     */
    static final class PassageScores extends PassageScorer {

        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = new BytesRef[matches];
            int[] inPassage = new int[matches];
            int[] inDoc = new int[matches];
            int distinct = 0;
            for (int i = 0; i < matches; i++) {
                BytesRef term = passage.getMatchTerms()[i];
                int t = 0;
                while (t < distinct && !terms[t].bytesEquals(term)) {
                    t++;
                }
                if (t == distinct) {
                    terms[distinct++] = term;
                    inDoc[t] = passage.getMatchTermFreqsInDoc()[i];
                }
                inPassage[t]++;
            }
            double score = 0;
            for (int t = 0; t < distinct; t++) {
                score += tf(inPassage[t], passage.getLength()) * weight(contentLength, inDoc[t]);
            }
            return (float) (score * norm(passage.getStartOffset()));
        }
    }
}
