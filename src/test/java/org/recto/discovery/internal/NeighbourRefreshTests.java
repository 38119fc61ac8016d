package org.recto.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.discovery.RelatedContent;
import org.recto.discovery.RelatedContent.SimilarArticle;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new article's own similar articles are computed when it is published; its neighbours' lists are marked and
 * computed again later, in one background round however many new articles marked them (here the round is run by
 * hand: the delay is an hour). The body, kept as a doc value rather than a stored field, still gives snippets and
 * concepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "recto.discovery.neighbour-delay=1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourRefreshTests {

    static final String LIPID = "10.7554/eLife.00003";
    static final String LIPID_INSIGHT = "10.7554/eLife.00302";

    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;
    @Autowired
    RelatedContent related;
    @Autowired
    NeighbourRefresh neighbours;
    @Autowired
    SearchService search;

    @BeforeAll
    void importTheResearchArticleWithoutItsInsight() throws Exception {
        ArticleTables.deleteAll(jdbc);
        // Similarity weighs words by how few articles have them, so it needs a few articles besides the pair.
        assertThat(ingest.ingest(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed").ok()).isTrue();
        for (var demo : new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.xml")) {
            assertThat(ingest.ingest(demo.getContentAsByteArray(), demo.getFilename()).ok()).isTrue();
        }
        assertThat(ingest.ingest(SharedData.read(SharedData.corpus("elife00003.xml")), "elife00003.xml").ok()).isTrue();
        DerivedData.await(derived);
        neighbours.round(); // the demo articles' marks: the test starts from none
    }

    List<String> similar(String doi) {
        return related.of(doi).orElseThrow().articles().stream().map(SimilarArticle::doi).toList();
    }

    List<String> marked() {
        return jdbc.sql("select doi_key from related_stale order by doi_key").query(String.class).list();
    }

    @Test
    void theNewArticleListsItsNeighbourAtOnceAndTheNeighbourFollowsInOneRound() throws Exception {
        assertThat(similar(LIPID)).doesNotContain(LIPID_INSIGHT); // not on the platform yet
        for (String f : List.of("elife00302.xml", "elife00007.xml", "elife00240.xml")) {
            assertThat(ingest.ingest(SharedData.read(SharedData.corpus(f)), f).ok()).isTrue();
        }
        DerivedData.await(derived);

        // Each new article's own list is there as soon as its publication is done.
        assertThat(similar(LIPID_INSIGHT)).startsWith(LIPID);
        // Its neighbours are only marked: the research article's list is still the one computed before.
        assertThat(similar(LIPID)).doesNotContain(LIPID_INSIGHT);
        List<String> marked = marked();
        assertThat(marked).contains(LIPID.toLowerCase()).doesNotHaveDuplicates();

        // One round computes each marked list once, however many new articles marked it.
        assertThat(neighbours.round()).isEqualTo(marked.size());
        assertThat(marked()).isEmpty();
        assertThat(similar(LIPID)).startsWith(LIPID_INSIGHT);
        DerivedData.await(derived); // the pages that show the lists were told
    }

    @Test
    void aMarkLeftByACrashIsDoneByTheNextRound() {
        jdbc.sql("insert into related_stale (doi_key, marked_at) values (?, current_timestamp)")
                .param(LIPID.toLowerCase()).update();
        neighbours.round();
        assertThat(marked()).isEmpty();
        assertThat(related.of(LIPID)).isPresent();
    }

    @Test
    void snippetsAndConceptsReadTheBodyFromItsDocValue() throws Exception {
        // "antimicrobial" is in the body of the research article, not in its title or abstract.
        SearchResults found = search.search(new SearchQuery("antimicrobial", Map.of(), SearchQuery.Sort.RELEVANCE, 1, 20));
        SearchResults.Hit hit = found.results().stream().filter(h -> h.doi().equals(LIPID)).findFirst().orElseThrow();
        assertThat(hit.snippetHtml()).containsIgnoringCase("<mark>antimicrobial</mark>");
        assertThat(related.of(LIPID).orElseThrow().concepts()).isNotEmpty();
    }
}
