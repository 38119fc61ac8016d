package org.recto.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's unified highlighter (offsets from the postings), reading the body from its doc value ({@link BodyText})
 * and every other field from the stored fields, as the highlighter does by itself.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer, int maxLength) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(maxLength)
                // No match, no snippet: the caller then tries the body (left alone, a field without a match would
                // give its opening, and the body would never be looked at).
                .withMaxNoHighlightPassages(0)
                // Terms and phrases taken from the query once, rather than the whole query's Matches asked of each
                // result (every field's terms looked up again per document: 40 % of highlighting in the profile).
                .withWeightMatches(false));
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        if (fields.length != 1 || !fields[0].equals(Fields.BODY)) {
            return super.loadFieldValues(fields, docs, cacheCharsThreshold);
        }
        // As the highlighter's own: documents until their text passes the threshold (just one when it is 0).
        List<CharSequence[]> values = new ArrayList<>();
        int chars = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String body = BodyText.of(getIndexSearcher().getIndexReader(), doc, getMaxLength());
            values.add(new CharSequence[] {body});
            chars += body.length();
            if (chars > cacheCharsThreshold || cacheCharsThreshold == 0) {
                break;
            }
        }
        return values;
    }
}
