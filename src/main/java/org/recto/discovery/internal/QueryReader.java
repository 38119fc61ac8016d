package org.recto.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Reads what a reader typed into a Lucene query, refusing what would be slow or means nothing: words, "phrases",
 * AND/OR/NOT, + and -, {@code title:}, {@code author:}, {@code abstract:}, {@code keyword:}, {@code doi:}, and
 * trailing wildcards after two letters. Regular expressions, ranges and leading wildcards are refused; a query
 * that does not parse (an unbalanced quote) is searched as plain words, and the answer says so.
 */
final class QueryReader {

    private static final Pattern DOI_FIELD = Pattern.compile("(?i)(?<![\\w.])doi:\\s*\"?(10\\.\\d{4,9}/[^\\s\"]+)\"?");
    private static final Pattern BARE_DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern FIELD = Pattern.compile("(?<![\\w\\\\])([A-Za-z_]+):");
    private static final Pattern WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}]");
    private static final int MAX_FUZZY_EXPANSIONS = 50;

    private final Analyzer analyzer;
    private final int maxLength;

    QueryReader(Analyzer analyzer, int maxLength) {
        this.analyzer = analyzer;
        this.maxLength = maxLength;
    }

    /** What the reader's text became: the query, and a note when it was read otherwise than written. */
    record ReadQuery(Query query, String note) {
    }

    ReadQuery read(String text) throws RefusedQuery {
        String q = text == null ? "" : text.strip();
        if (q.length() > maxLength) {
            throw new RefusedQuery(String.format(Locale.ROOT,
                    "This search is %,d characters long; searches of up to %,d characters are read.", q.length(), maxLength));
        }
        if (q.isEmpty()) {
            return new ReadQuery(new MatchAllDocsQuery(), null);
        }
        if (!WORD_CHAR.matcher(q).find()) {
            throw new RefusedQuery("A search needs at least one word or number; \"" + q + "\" has none.");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<String> dois = new ArrayList<>();
        if (BARE_DOI.matcher(q).matches()) {
            dois.add(q);
            q = "";
        } else {
            Matcher m = DOI_FIELD.matcher(q);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                dois.add(m.group(1));
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            q = rest.toString().strip();
        }
        dois.forEach(d -> all.add(new TermQuery(new Term(Fields.DOI_KEY, d.toLowerCase(Locale.ROOT))), Occur.MUST));
        String note = null;
        if (!q.isEmpty()) {
            Query words;
            String prepared = prepare(q);
            try {
                words = parser().parse(prepared);
            } catch (ParseException | IllegalArgumentException unreadable) {
                for (Throwable c = unreadable; c != null; c = c.getCause()) {
                    if (c instanceof RefusedQuery refused) {
                        throw new RefusedQuery(refused.getMessage());
                    }
                    if (c instanceof org.apache.lucene.search.IndexSearcher.TooManyClauses) {
                        throw new RefusedQuery("This search has too many words and wildcards to run; make it shorter.");
                    }
                }
                words = plainWords(q);
                note = "The search could not be read as written (" + reason(unreadable)
                        + "), so its words were searched for.";
            }
            all.add(words, Occur.MUST);
        }
        return new ReadQuery(all.build(), note);
    }

    /** A slash starts a regular expression in Lucene's syntax; unknown field names are read as words. */
    private static String prepare(String q) {
        Matcher m = FIELD.matcher(q.replace("/", "\\/"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(Fields.READER_FIELDS.containsKey(name) ? name + ":" : name + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Query plainWords(String q) throws RefusedQuery {
        // Plain words: no syntax left, and the operators as the ordinary (stop) words they are in lower case.
        String words = q.replaceAll("[\\p{Punct}&&[^'.-]]", " ").replaceAll("\\b(AND|OR|NOT)\\b", " ").strip();
        if (words.isEmpty()) {
            throw new RefusedQuery("A search needs at least one word or number.");
        }
        try {
            return parser().parse(QueryParser.escape(words));
        } catch (ParseException e) {
            throw new RefusedQuery("This search cannot be read.");
        }
    }

    private static String reason(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("<EOF>") || m.contains("Lexical error")) {
            return "a quotation mark or bracket is not closed";
        }
        return "it is not in the search syntax";
    }

    private MultiFieldQueryParser parser() {
        String[] fields = Fields.SEARCHED.keySet().toArray(String[]::new);
        MultiFieldQueryParser parser = new SafeParser(fields, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        parser.setFuzzyPrefixLength(2);
        return parser;
    }

    /** The parser, with the reader's field names mapped and the expensive constructs refused. */
    private static final class SafeParser extends MultiFieldQueryParser {

        SafeParser(String[] fields, Analyzer analyzer) {
            super(fields, analyzer, Fields.SEARCHED);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            return super.getFieldQuery(map(field), text, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            return super.getFieldQuery(map(field), text, slop);
        }

        @Override
        protected Query getWildcardQuery(String field, String term) throws ParseException {
            refuseShortStem(term);
            return super.getWildcardQuery(map(field), term);
        }

        @Override
        protected Query getPrefixQuery(String field, String term) throws ParseException {
            refuseShortStem(term + "*");
            return super.getPrefixQuery(map(field), term);
        }

        @Override
        protected Query getFuzzyQuery(String field, String term, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(map(field), term, Math.max(minSimilarity, 1f));
        }

        @Override
        protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
            int edits = Math.min(2, Math.max(1, (int) minimumSimilarity));
            return new org.apache.lucene.search.FuzzyQuery(term, edits, prefixLength, MAX_FUZZY_EXPANSIONS, true);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw refused("Regular expressions (/…/) are not searched; write the words instead.");
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            throw refused("Ranges ([a TO b]) are not searched; use the year facet to narrow by date.");
        }

        private static void refuseShortStem(String term) throws ParseException {
            int stem = 0;
            while (stem < term.length() && term.charAt(stem) != '*' && term.charAt(stem) != '?') {
                stem++;
            }
            if (stem < 2) {
                throw refused("A wildcard (* or ?) needs at least two letters before it, as in \"immun*\".");
            }
        }

        private static ParseException refused(String message) {
            ParseException e = new ParseException(message);
            e.initCause(new RefusedQuery(message));
            return e;
        }

        private String map(String field) {
            if (field == null || Fields.SEARCHED.containsKey(field)) {
                return field;
            }
            return Fields.READER_FIELDS.getOrDefault(field.toLowerCase(Locale.ROOT), null);
        }
    }
}
