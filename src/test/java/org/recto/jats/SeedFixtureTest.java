package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.AuthorNote;
import org.recto.article.Contributor;
import org.recto.article.Note;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;
import org.recto.support.SharedData;

/** The seed article (Mills and Bloomfield 2018) and its correction notice, as the target page shows them. */
class SeedFixtureTest {

    static Path seed;
    static Article article;
    static Article correction;

    @BeforeAll
    static void read() throws Exception {
        seed = SharedData.dir().resolve("seed").resolve("jats");
        JatsReader reader = new JatsReader();
        article = reader.read(bytes("mills-bloomfield-2018.xml"), "mills-bloomfield-2018.xml");
        correction = reader.read(bytes("mills-bloomfield-2018-correction.xml"), "mills-bloomfield-2018-correction.xml");
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(seed.resolve(name));
    }

    @Test
    void identityAndJournal() {
        assertThat(article.doi()).isEqualTo("10.1017/S0260210517000407");
        assertThat(article.articleType()).isEqualTo("research-article");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.titleText())
                .isEqualTo("African resistance to the International Criminal Court: Halting the advance of the anti-impunity norm");
        assertThat(article.journal().key()).isEqualTo("RIS");
        assertThat(article.journal().title()).isEqualTo("Review of International Studies");
        assertThat(article.journal().issnPrint()).isEqualTo("0260-2105");
        assertThat(article.journal().issnElectronic()).isEqualTo("1469-9044");
        assertThat(article.journal().publisher()).isEqualTo("Cambridge University Press");
        assertThat(article.ids()).extracting(i -> i.type() + "=" + i.value())
                .containsExactly("doi=10.1017/S0260210517000407");
    }

    @Test
    void authorsAffiliationsAndCorrespondence() {
        List<Contributor> authors = article.authors();
        assertThat(authors).extracting(Contributor::displayName).containsExactly("Kurt Mills", "Alan Bloomfield");
        assertThat(authors).extracting(Contributor::invertedName).containsExactly("Mills, Kurt", "Bloomfield, Alan");
        assertThat(authors.get(0).affiliationIds()).containsExactly("a1");
        assertThat(authors.get(1).affiliationIds()).containsExactly("a2");
        assertThat(authors).allMatch(Contributor::corresponding);
        assertThat(authors.get(0).noteIds()).containsExactly("c1");
        assertThat(authors.get(1).noteIds()).containsExactly("c2");

        assertThat(article.affiliations()).extracting(Affiliation::id, Affiliation::label, Affiliation::institution)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", "a1", "University of Dundee"),
                        org.assertj.core.groups.Tuple.tuple("a2", "a2", "University of Western Australia"));
        assertThat(article.affiliations().get(0).text())
                .isEqualTo("Professor, International Relations and Human Rights, University of Dundee");

        assertThat(article.authorNotes()).extracting(AuthorNote::id, AuthorNote::kind, AuthorNote::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1", "corresp", "*"),
                        org.assertj.core.groups.Tuple.tuple("c2", "corresp", "**"));
        assertThat(article.authorNotes().get(0).html())
                .startsWith("Correspondence to: Kurt Mills, School of Social Sciences")
                .doesNotContain("*");
    }

    @Test
    void issueDatesAndPages() {
        assertThat(article.volume()).isEqualTo("44");
        assertThat(article.issue()).isEqualTo("1");
        assertThat(article.firstPage()).isEqualTo("101");
        assertThat(article.lastPage()).isEqualTo("127");
        assertThat(article.pubDates()).extracting(PubDate::format, PubDate::iso).containsExactly(
                org.assertj.core.groups.Tuple.tuple("electronic", "2017-08-23"),
                org.assertj.core.groups.Tuple.tuple("print", "2018-01"));
        assertThat(article.publicationDate().iso()).isEqualTo("2017-08-23");
        assertThat(article.permissions().copyrightStatement())
                .isEqualTo("Copyright British International Studies Association 2017");
        assertThat(article.permissions().copyrightYear()).isEqualTo("2017");
    }

    @Test
    void keywordsAbstractAndCorrectionLink() {
        assertThat(article.keywordGroups()).hasSize(1);
        assertThat(article.keywordGroups().get(0).type()).isEqualTo("author");
        assertThat(article.keywordGroups().get(0).keywords()).containsExactly("African Union", "Anti-Impunity",
                "Global Norm Dynamics", "International Criminal Court", "International Criminal Justice",
                "Norm Antipreneurs");
        assertThat(article.abstracts()).hasSize(1);
        assertThat(article.abstracts().get(0).type()).isNull();
        assertThat(article.abstracts().get(0).structured()).isFalse();
        assertThat(article.abstracts().get(0).html())
                .startsWith("<p>The creation of the International Criminal Court (ICC) in 1998")
                .endsWith("contemporary era.</p>");
        assertThat(article.relatedArticles()).extracting(RelatedArticle::type, RelatedArticle::doi)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("correction-forward",
                        "10.5555/recto.fixture.correction.1"));
    }

    @Test
    void endnotes() {
        List<Note> notes = article.back().notes();
        assertThat(notes).hasSize(140);
        for (int i = 0; i < 140; i++) {
            assertThat(notes.get(i).label()).isEqualTo(String.valueOf(i + 1));
            assertThat(notes.get(i).id()).isEqualTo("fn" + (i + 1));
        }
        assertThat(notes.get(1).text()).isEqualTo("Thirty others had signed but not ratified.");
        assertThat(notes.get(1).html()).isEqualTo("<p>Thirty others had signed but not ratified.</p>");
        assertThat(notes.get(7).text()).isEqualTo("Ibid., p. 312.");
        assertThat(notes.get(92).text()).startsWith("‘South Africa revokes ICC withdrawal’, Mail & Guardian (8 March 2017)");
        assertThat(notes.get(92).html()).contains("Mail &amp; Guardian");
        assertThat(notes.get(139).text()).isEqualTo("Ibid., pp. 8–9.");
        assertThat(article.back().references()).isEmpty();
    }

    @Test
    void body() {
        assertThat(article.body().sections()).hasSize(1);
        assertThat(article.body().sections().get(0).id()).isEqualTo("s1");
        assertThat(article.body().sections().get(0).titleHtml()).isEqualTo("Note");
        assertThat(article.body().sections().get(0).depth()).isEqualTo(1);
        assertThat(article.body().html()).startsWith("<section id=\"s1\"><h2>Note</h2><p>The body of this article");
    }

    @Test
    void correctionNotice() {
        assertThat(correction.doi()).isEqualTo("10.5555/recto.fixture.correction.1");
        assertThat(correction.articleType()).isEqualTo("correction");
        assertThat(correction.titleText()).endsWith("anti-impunity norm – CORRIGENDUM");
        assertThat(correction.relatedArticles()).extracting(RelatedArticle::type, RelatedArticle::doi,
                RelatedArticle::extLinkType).containsExactly(org.assertj.core.groups.Tuple.tuple("corrected-article",
                        "10.1017/S0260210517000407", "doi"));
        assertThat(correction.authors()).hasSize(2);
        assertThat(correction.journal().issnElectronic()).isEqualTo("1469-9044");
        assertThat(correction.journal().issnPrint()).isNull();
    }
}
