package org.recto.discovery.internal;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.facet.FacetsConfig;

/** The index's fields, their analysers and facets, in one place. */
final class Fields {

    static final String DOI = "doi";
    /** The DOI in lower case: the document's identity and what {@code doi:} matches. */
    static final String DOI_KEY = "doi_key";
    static final String VERSION = "version";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String BODY = "body";
    /** The body's text (a binary doc value, not a stored field: {@link BodyText}). */
    static final String BODY_TEXT = "body_text";
    static final String KEYWORDS = "keywords";
    static final String AUTHORS = "authors";
    static final String AFFILIATIONS = "affiliations";
    static final String REFERENCES = "references";
    /** DOIs the article's references cite, lower case. */
    static final String CITES = "cites";
    static final String DATE = "date";
    static final String DATE_TEXT = "date_text";
    static final String JOURNAL_TITLE = "journal_title";
    static final String TYPE_LABEL = "type_label";
    static final String TYPE = "type";
    static final String NOTICE = "notice";

    /** The text fields a plain query searches, with their weights. */
    static final Map<String, Float> SEARCHED = Map.of(TITLE, 4f, ABSTRACT, 2f, KEYWORDS, 2.5f, AUTHORS, 2f,
            BODY, 1f, AFFILIATIONS, 0.5f, REFERENCES, 0.3f);

    /** What a reader may write before a colon, and the field it means. */
    static final Map<String, String> READER_FIELDS = Map.ofEntries(Map.entry("title", TITLE),
            Map.entry("author", AUTHORS), Map.entry("authors", AUTHORS), Map.entry("abstract", ABSTRACT),
            Map.entry("keyword", KEYWORDS), Map.entry("keywords", KEYWORDS), Map.entry("body", BODY),
            Map.entry("affiliation", AFFILIATIONS), Map.entry("reference", REFERENCES),
            Map.entry("references", REFERENCES));

    /** The facet dimensions, in the order pages show them, with their headings. */
    static final List<String> FACETS = List.of("journal", "year", "type", "subject", "licence");
    static final Map<String, String> FACET_HEADINGS = Map.of("journal", "Journal", "year", "Year",
            "type", "Article type", "subject", "Subject", "licence", "Licence");

    /** The fields similar articles are found by. */
    static final String[] SIMILARITY = {TITLE, ABSTRACT, KEYWORDS, BODY};

    private Fields() {
    }

    /** Stemmed English for prose; names and affiliations are only lower-cased. */
    static Analyzer analyzer() {
        Analyzer names = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
                Map.of(AUTHORS, names, AFFILIATIONS, names));
    }

    static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued("subject", true);
        return config;
    }
}
