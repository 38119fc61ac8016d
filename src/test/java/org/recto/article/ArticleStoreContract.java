package org.recto.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recto.article.ArticleStore.Outcome;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;
import org.recto.support.SmallArticle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the article store must do, on whichever database the subclass points it at: the same tests
 * run on the embedded H2 default and on PostgreSQL.
 */
abstract class ArticleStoreContract {

    static final String SEED_DOI = "10.1017/S0260210517000407";
    static final String CORRECTION_DOI = "10.5555/recto.fixture.correction.1";

    @Autowired
    JatsIngest ingest;
    @Autowired
    ArticleStore store;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JatsReader reader;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTheStore() {
        ArticleTables.deleteAll(jdbc);
    }

    IngestResult importSeed(String file) {
        return ingest.ingest(SharedData.read(SharedData.seed(file)), file);
    }

    @Test
    void storesTheSeedArticleWithEverythingItHolds() {
        assertThat(importSeed("mills-bloomfield-2018.xml").ok()).isTrue();

        StoredArticle stored = catalog.find(SEED_DOI).orElseThrow();
        Article a = stored.article();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(a.titleText()).isEqualTo(
                "African resistance to the International Criminal Court: Halting the advance of the anti-impunity norm");
        assertThat(a.authors()).extracting(Contributor::displayName).containsExactly("Kurt Mills", "Alan Bloomfield");
        assertThat(a.authors()).allMatch(Contributor::corresponding);
        assertThat(a.authors().get(0).affiliationIds()).containsExactly("a1");
        assertThat(a.affiliations()).extracting(Affiliation::label).containsExactly("a1", "a2");
        assertThat(a.authorNotes()).extracting(AuthorNote::kind).containsExactly("corresp", "corresp");
        assertThat(a.back().notes()).hasSize(140);
        assertThat(a.back().notes().get(7).text()).isEqualTo("Ibid., p. 312.");
        assertThat(a.back().notes().get(139).label()).isEqualTo("140");
        assertThat(a.volume()).isEqualTo("44");
        assertThat(a.issue()).isEqualTo("1");
        assertThat(a.firstPage()).isEqualTo("101");
        assertThat(a.lastPage()).isEqualTo("127");
        assertThat(a.publicationDate().iso()).isEqualTo("2017-08-23");
        assertThat(a.keywordGroups().get(0).keywords()).hasSize(6).contains("Norm Antipreneurs");
        assertThat(a.relatedArticles()).extracting(RelatedArticle::type).contains("correction-forward");
        assertThat(a.journal().title()).isEqualTo("Review of International Studies");
        assertThat(catalog.jatsSource(SEED_DOI, 1)).hasValueSatisfying(
                xml -> assertThat(xml).isEqualTo(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml"))));
    }

    @Test
    void doisCompareCaseInsensitively() {
        importSeed("mills-bloomfield-2018.xml");
        assertThat(catalog.find(SEED_DOI.toLowerCase())).isPresent();
    }

    @Test
    void reimportingChangedXmlMakesANewVersionAndKeepsTheOldOneReadable() throws Exception {
        importSeed("mills-bloomfield-2018.xml");
        byte[] changed = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "UTF-8")
                .replace("Halting the advance", "Stopping the advance").getBytes("UTF-8");

        IngestResult second = ingest.ingest(changed, "changed.xml");

        assertThat(second.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(second.version()).isEqualTo(2);
        assertThat(catalog.find(SEED_DOI).orElseThrow().article().titleText()).contains("Stopping the advance");
        assertThat(catalog.find(SEED_DOI, 1).orElseThrow().article().titleText()).contains("Halting the advance");
        assertThat(catalog.find(SEED_DOI, 1).orElseThrow().isLatest()).isFalse();
        assertThat(catalog.find(SEED_DOI, 2).orElseThrow().article().back().notes()).hasSize(140);
    }

    @Test
    void reimportingIdenticalXmlStoresNothingNew() {
        importSeed("mills-bloomfield-2018.xml");
        IngestResult again = importSeed("mills-bloomfield-2018.xml");
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(jdbc.sql("select count(*) from article_version").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCorrectionAndItsArticleLinkWhicheverArrivesFirst() {
        // The notice first: it points at an article that is not here yet.
        importSeed("mills-bloomfield-2018-correction.xml");
        assertThat(catalog.relationsTo(SEED_DOI))
                .containsExactly(new Relation(CORRECTION_DOI, "corrected-article", SEED_DOI));
        importSeed("mills-bloomfield-2018.xml");
        assertThat(catalog.relationsTo(CORRECTION_DOI))
                .containsExactly(new Relation(SEED_DOI, "correction-forward", CORRECTION_DOI));
        assertThat(catalog.relationsTo(SEED_DOI)).hasSize(1);
    }

    @Test
    void aFailureInTheMiddleOfAnArticleLeavesNothingBehind() throws Exception {
        Article good = reader.read(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed");
        // A DOI longer than the column allows fails after the journal and issue rows were written.
        Article bad = new Article("10.5555/" + "x".repeat(400), good.articleType(), good.language(),
                new JournalMeta("NEWJ", "A journal that must not be left behind", null, null, null), good.ids(),
                good.titleHtml(), good.subtitleHtml(), good.contributors(), good.affiliations(), good.authorNotes(),
                good.pubDates(), good.volume(), good.issue(), good.firstPage(), good.lastPage(), good.elocationId(),
                good.permissions(), good.abstracts(), good.keywordGroups(), good.subjectGroups(),
                good.relatedArticles(), good.body(), good.back());

        assertThatThrownBy(() -> store.save(bad, new byte[] {1}, "bad")).isInstanceOf(RuntimeException.class);

        assertThat(catalog.journals()).isEmpty();
        for (String table : List.of("journal", "journal_issue", "article", "article_version", "article_note",
                "article_contributor", "article_reference", "article_relation")) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Integer.class).single())
                    .as(table).isZero();
        }
    }

    @Test
    void listsJournalsIssuesAndTheirArticles() {
        importSeed("mills-bloomfield-2018.xml");
        importSeed("mills-bloomfield-2018-correction.xml");
        ingest.ingest(SharedData.read(SharedData.corpus("elife00003.xml")), "elife00003.xml");

        assertThat(catalog.journals()).extracting(Journal::title)
                .containsExactly("eLife", "Review of International Studies");
        Journal ris = catalog.journal("RIS").orElseThrow();
        assertThat(ris.articleCount()).isEqualTo(2);
        assertThat(catalog.issues("RIS")).singleElement()
                .satisfies(i -> assertThat(i.displayName()).isEqualTo("Volume 44, Issue 1"));
        assertThat(catalog.issueContents("RIS", "44", "1")).extracting(ArticleSummary::doi)
                .containsExactlyInAnyOrder(SEED_DOI, CORRECTION_DOI);
        assertThat(catalog.latest("RIS", 1)).extracting(ArticleSummary::doi).containsExactly(CORRECTION_DOI);
        assertThat(catalog.summaries(List.of(SEED_DOI, "10.9999/none"))).singleElement()
                .satisfies(s -> assertThat(s.authorNames()).containsExactly("Kurt Mills", "Alan Bloomfield"));
        assertThat(catalog.allDois()).hasSize(3);
    }

    /** The seed with its volume and issue, and its first author's surname, replaced. */
    private IngestResult importSeedWith(String volume, String issue, String surname) {
        String xml = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<volume>44</volume>", "<volume>" + volume + "</volume>")
                .replace("<issue>1</issue>", "<issue>" + issue + "</issue>")
                .replaceFirst("<surname>Mills</surname>", "<surname>" + surname + "</surname>");
        return ingest.ingest(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "long.xml");
    }

    @Test
    void realisticLongValuesAreStored() {
        String volume = "Special issue: Proceedings of the Twelfth International Conference on Norms (Part 2)";
        String issue = "Supplement 3: Papers from the 2016 Annual Convention of the International Studies Association";
        String surname = "Wolfeschlegelsteinhausenbergerdorff-" + "Welchevoralternwarengewissenhaftschaferswessenschafe".repeat(12);
        assertThat(volume.length()).isGreaterThan(50);
        assertThat(surname.length()).isGreaterThan(500);

        IngestResult result = importSeedWith(volume, issue, surname);

        assertThat(result.problems()).isEmpty();
        Article a = catalog.find(SEED_DOI).orElseThrow().article();
        assertThat(a.volume()).isEqualTo(volume);
        assertThat(a.issue()).isEqualTo(issue);
        assertThat(a.authors().get(0).surname()).isEqualTo(surname);
        assertThat(catalog.issueContents(a.journal().key(), volume, issue)).extracting(ArticleSummary::doi).containsExactly(SEED_DOI);
    }

    @Test
    void aValueLongerThanTheStoreKeepsIsASentenceNotTheDatabasesMessage() {
        IngestResult result = importSeedWith("9".repeat(600), "1", "Mills");

        assertThat(result.ok()).isFalse();
        String message = result.problems().get(0).message();
        assertThat(message).contains("<volume>", "600 characters", "at most 500")
                .doesNotContainIgnoringCase("column").doesNotContainIgnoringCase("varying").doesNotContain("VOLUME");
        assertThat(catalog.allDois()).isEmpty();

        // A field the ingest does not check itself: the database's refusal is put in words as well.
        String xml = new String(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<fn id=\"fn1\"><label>1</label>", "<fn id=\"fn1\"><label>" + "1".repeat(700) + "</label>");
        IngestResult refused = ingest.ingest(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "label.xml");
        assertThat(refused.ok()).isFalse();
        assertThat(refused.problems().get(0).message()).contains("longer than the store keeps")
                .doesNotContainIgnoringCase("column").doesNotContainIgnoringCase("varying");
        assertThat(catalog.allDois()).isEmpty();
    }

    @Test
    void journalsAreKeyedByIssnSoPlosTitlesStaySeparate() {
        for (String file : new String[] {"journal.pone.0002554.xml", "journal.pbio.0020188.xml", "journal.pmed.1000097.xml",
                "journal.pone.0005723.xml"}) {
            assertThat(ingest.ingest(SharedData.read(SharedData.corpus(file)), file).ok()).as(file).isTrue();
        }
        assertThat(catalog.journals()).extracting(Journal::title, Journal::issnElectronic, Journal::articleCount)
                .containsExactlyInAnyOrder(tuple("PLoS ONE", "1932-6203", 2), tuple("PLoS Biology", "1545-7885", 1),
                        tuple("PLoS Medicine", "1549-1676", 1));
        // The first PLOS title keeps the key the files propose ("plos", or "PLoS", which is the same key
        // to a reader); the others get their next journal id, in the order the file gives them.
        assertThat(catalog.journals()).extracting(Journal::key).containsExactlyInAnyOrder("plos", "pbio", "PLoS-Med");
        assertThat(catalog.journal("pbio")).hasValueSatisfying(j -> assertThat(j.title()).isEqualTo("PLoS Biology"));
    }

    @Test
    void withoutAnIssnTheTypedIdsAndTitleTellJournalsApart() {
        String medicine = "<journal-meta><journal-id journal-id-type=\"publisher-id\">plos</journal-id>"
                + "<journal-id journal-id-type=\"nlm-ta\">PLoS Med</journal-id><journal-title-group>"
                + "<journal-title>PLoS Medicine</journal-title></journal-title-group></journal-meta>";
        String one = medicine.replace("PLoS Medicine", "PLoS ONE").replace("PLoS Med", "PLoS ONE");
        ingest.ingest(new SmallArticle().doi("10.5555/m1").journalMetaXml(medicine).bytes(), "m1.xml");
        ingest.ingest(new SmallArticle().doi("10.5555/o1").journalMetaXml(one).bytes(), "o1.xml");
        ingest.ingest(new SmallArticle().doi("10.5555/m2").journalMetaXml(medicine).bytes(), "m2.xml");
        assertThat(catalog.journals()).extracting(Journal::key, Journal::title, Journal::articleCount)
                .containsExactlyInAnyOrder(tuple("plos", "PLoS Medicine", 2), tuple("PLoS-ONE", "PLoS ONE", 1));
    }

    @Test
    void theDemoAndSeedJournalsKeepTheirKeys() {
        importSeed("mills-bloomfield-2018-correction.xml"); // one ISSN only
        importSeed("mills-bloomfield-2018.xml");            // both
        assertThat(ingest.ingest(readResource("/demo/01-editorial-tending.xml"), "01.xml").ok()).isTrue();
        assertThat(catalog.journals()).extracting(Journal::key, Journal::articleCount)
                .containsExactlyInAnyOrder(tuple("RIS", 2), tuple("JCPG", 1));
    }

    @Test
    void aJournalStoredBeforeJournalIdentitiesIsFoundByItsKey() {
        // As migration V10_1 leaves a journal that had no ISSN to carry over.
        jdbc.sql("insert into journal (journal_key, title) values ('OLDJ', 'An old journal')").update();
        String meta = SmallArticle.journalMeta("OLDJ", "An old journal", null, null);
        assertThat(ingest.ingest(new SmallArticle().doi("10.5555/old1").journalMetaXml(meta).bytes(), "old1.xml").ok()).isTrue();
        assertThat(ingest.ingest(new SmallArticle().doi("10.5555/old2").journalMetaXml(meta).bytes(), "old2.xml").ok()).isTrue();
        assertThat(catalog.journals()).extracting(Journal::key, Journal::articleCount).containsExactly(tuple("OLDJ", 2));
    }

    private static byte[] readResource(String name) {
        try (var in = ArticleStoreContract.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

