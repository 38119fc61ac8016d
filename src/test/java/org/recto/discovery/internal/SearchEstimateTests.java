package org.recto.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.recto.discovery.DiscoveryProperties;
import org.recto.discovery.internal.SearchResults.FacetCount;

/**
 * Totals and facet counts past a few thousand matches are estimated from a sample of the index and say so; below,
 * they are exact. On 20,000 small documents: a word in all of them, one in every seventh, one in every hundredth.
 * Also the snippets' parts that replace Lucene's: the sentence breaks and the passage score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchEstimateTests {

    static final int DOCS = 20_000;

    SearchIndex index;
    SearchService search;

    @BeforeAll
    void indexDocuments(@TempDir Path dir) throws Exception {
        DiscoveryProperties properties = new DiscoveryProperties(dir, 500, Duration.ofSeconds(5), Duration.ofMinutes(5),
                5, 8, Duration.ofSeconds(1));
        index = new SearchIndex(properties);
        FieldType offsets = new FieldType(TextField.TYPE_STORED);
        offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        for (int i = 0; i < DOCS; i++) {
            String doi = "10.5555/test." + i;
            String words = "common" + (i % 7 == 0 ? " middle" : "") + (i % 100 == 0 ? " rare" : "");
            String journal = i % 4 == 0 ? "Journal B" : "Journal A";
            Document d = new Document();
            d.add(new StringField(Fields.DOI_KEY, ArticleDocuments.key(doi), Field.Store.YES));
            d.add(new StoredField(Fields.DOI, doi));
            d.add(new StoredField(Fields.VERSION, 1));
            d.add(new Field(Fields.TITLE, "Article " + i, offsets));
            d.add(new Field(Fields.ABSTRACT, "An abstract with the words " + words + ".", offsets));
            d.add(new Field(Fields.BODY, "A body.", offsets));
            d.add(new BinaryDocValuesField(Fields.BODY_TEXT, new BytesRef("A body.")));
            d.add(new StoredField(Fields.JOURNAL_TITLE, journal));
            d.add(new SortedSetDocValuesFacetField("journal", journal));
            d.add(new StoredField(Fields.TYPE_LABEL, "Research article"));
            d.add(new SortedSetDocValuesFacetField("type", "Research article"));
            index.put(ArticleDocuments.key(doi), 1, d);
        }
        index.refresh();
        search = new SearchService(index, properties);
    }

    @AfterAll
    void close() throws Exception {
        index.destroy();
    }

    SearchResults find(String text) throws RefusedQuery {
        return search.search(new SearchQuery(text, Map.of(), SearchQuery.Sort.RELEVANCE, 1, 20));
    }

    static long count(SearchResults r, String dim, String value) {
        return r.facets().get(dim).stream().filter(f -> f.value().equals(value)).mapToLong(FacetCount::count)
                .findFirst().orElse(0);
    }

    @Test
    void manyMatchesAreEstimatedFromASampleAndSaySo() throws Exception {
        SearchResults all = find("common");
        assertThat(all.approximate()).isTrue();
        assertThat((double) all.total()).isCloseTo(DOCS, within(DOCS * 0.05));
        assertThat(all.total()).isEqualTo(MatchCounter.twoDigits(all.total()));
        assertThat((double) count(all, "journal", "Journal A")).isCloseTo(15_000, within(1_500.0));
        assertThat((double) count(all, "journal", "Journal B")).isCloseTo(5_000, within(750.0));
        assertThat(all.heading()).startsWith("About ").endsWith(" results");
        assertThat(all.shown(count(all, "journal", "Journal B"))).startsWith("about ");
        // The ranking is the exact one: a whole page, with highlighted snippets.
        assertThat(all.results()).hasSize(20);
        assertThat(all.results().get(0).snippetHtml()).contains("<mark>common</mark>");

        // One in seven: the sixteenth of the index holds too few of them, a quarter enough.
        SearchResults middle = find("middle");
        assertThat(middle.approximate()).isTrue();
        assertThat((double) middle.total()).isCloseTo(DOCS / 7.0, within(DOCS / 7.0 * 0.15));
    }

    @Test
    void fewMatchesAreCountedExactly() throws Exception {
        SearchResults rare = find("rare");
        assertThat(rare.approximate()).isFalse();
        assertThat(rare.total()).isEqualTo(DOCS / 100);
        assertThat(count(rare, "journal", "Journal B")).isEqualTo(DOCS / 100);
        assertThat(rare.heading()).isEqualTo("200 results");
        assertThat(rare.shown(200)).isEqualTo("200");
        assertThat(find("rare middle").total()).isEqualTo((DOCS + 699) / 700);
    }

    @Test
    void estimatesKeepTwoSignificantDigits() {
        assertThat(MatchCounter.twoDigits(19_401)).isEqualTo(19_000);
        assertThat(MatchCounter.twoDigits(82_651)).isEqualTo(83_000);
        assertThat(MatchCounter.twoDigits(4_567)).isEqualTo(4_600);
        assertThat(MatchCounter.twoDigits(87)).isEqualTo(87);
    }

    @Test
    void sentencesBreakWhereTheJdksDo() {
        String text = "Cells divide. Lipid droplets (e.g. in flies) bind histones, as Cermelli et al. (2006) showed. "
                + "Why? They kill bacteria! At 4 °C. 24 hr later, \"The droplets\" were counted.\nA new paragraph "
                + "follows (Figure 2). (A) A panel.";
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        SentenceBreaks ours = new SentenceBreaks();
        assertThat(boundaries(ours, text)).isEqualTo(boundaries(jdk, text)).hasSizeGreaterThan(6);
        for (int offset = 1; offset < text.length(); offset++) {
            assertThat(ours.preceding(offset)).as("preceding %d", offset).isEqualTo(jdk.preceding(offset));
            assertThat(ours.following(offset)).as("following %d", offset).isEqualTo(jdk.following(offset));
        }
        assertThat(ours.following(text.length())).isEqualTo(BreakIterator.DONE);
        assertThat(ours.preceding(0)).isEqualTo(BreakIterator.DONE);
    }

    private static List<Integer> boundaries(BreakIterator breaks, String text) {
        breaks.setText(text);
        List<Integer> at = new ArrayList<>();
        for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
            at.add(b);
        }
        return at;
    }

    @Test
    void passagesScoreAsLucenesScorerScoresThem() {
        Passage passage = new Passage();
        passage.setStartOffset(120);
        passage.setEndOffset(300);
        passage.addMatch(125, 130, new BytesRef("lipid"), 7);
        passage.addMatch(140, 148, new BytesRef("droplet"), 3);
        passage.addMatch(160, 165, new BytesRef("lipid"), 7);
        passage.addMatch(200, 208, new BytesRef("histone"), 12);
        assertThat(new SnippetHighlighter.PassageScores().score(passage, 5_000))
                .isEqualTo(new PassageScorer().score(passage, 5_000)).isPositive();
    }
}
