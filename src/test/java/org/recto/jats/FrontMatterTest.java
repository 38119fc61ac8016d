package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.AuthorNote;
import org.recto.article.Contributor;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;

/** Front matter the seed and corpus use little: collaborations, ORCIDs, institution ids, notes that flag authors. */
class FrontMatterTest {

    private static final String FRONT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN" "JATS-journalpublishing1-3.dtd">
            <article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ali="http://www.niso.org/schemas/ali/1.0/"
                     article-type="review-article" xml:lang="DE">
            <front>
              <journal-meta>
                <journal-id journal-id-type="nlm-ta">J Test</journal-id>
                <journal-title-group><journal-title>Journal of Tests</journal-title></journal-title-group>
                <issn publication-format="print">1234-5678</issn>
                <issn publication-format="electronic">8765-4321</issn>
                <publisher><publisher-name>Test Press</publisher-name><publisher-loc>Nowhere</publisher-loc></publisher>
              </journal-meta>
              <article-meta>
                <article-id pub-id-type="pmid">123456</article-id>
                <article-id pub-id-type="doi">https://doi.org/10.5555/Front.Matter</article-id>
                <article-categories>
                  <subj-group subj-group-type="heading"><subject>Biology</subject>
                    <subj-group><subject>Cell biology</subject><subj-group><subject>Mitosis</subject></subj-group></subj-group>
                  </subj-group>
                </article-categories>
                <title-group>
                  <article-title>The <italic>E. coli</italic> case</article-title>
                  <subtitle>A <sc>subtitle</sc></subtitle>
                  <trans-title-group xml:lang="fr"><trans-title>Le cas</trans-title></trans-title-group>
                  <alt-title>Running</alt-title>
                </title-group>
                <contrib-group>
                  <contrib contrib-type="author" equal-contrib="yes">
                    <contrib-id contrib-id-type="orcid" authenticated="true">http://orcid.org/0000-0002-1825-009x</contrib-id>
                    <name><surname>Curie</surname><given-names>Marie</given-names><prefix>Dr</prefix></name>
                    <xref ref-type="aff" rid="aff1 aff2"><sup>1,2</sup></xref>
                    <xref ref-type="fn" rid="fn-eq">†</xref>
                  </contrib>
                  <contrib contrib-type="author">
                    <name><surname>Doe</surname><given-names>John</given-names><suffix>Jr</suffix></name>
                    <xref ref-type="aff" rid="aff2"/><xref ref-type="fn" rid="fn-eq"/><xref ref-type="fn" rid="fn-dec"/>
                    <xref ref-type="corresp" rid="cor1">*</xref>
                  </contrib>
                  <contrib contrib-type="author">
                    <collab>The Big Consortium
                      <contrib-group>
                        <contrib contrib-type="author"><name><surname>Member</surname><given-names>One</given-names></name></contrib>
                        <contrib contrib-type="author"><name><surname>Member</surname><given-names>Two</given-names></name></contrib>
                      </contrib-group>
                    </collab>
                  </contrib>
                  <contrib contrib-type="author" deceased="yes">
                    <string-name>Ada Lovelace</string-name>
                    <aff><institution-wrap><institution-id institution-id-type="ror">https://ror.org/02mhbdp94</institution-id>
                      <institution>Analytical Engine Society</institution></institution-wrap>, <city>London</city>, <country country="GB">UK</country></aff>
                    <email>ada@example.org</email>
                  </contrib>
                  <aff id="aff1"><label>1</label><institution content-type="dept">Department of Physics</institution>,
                    <institution-wrap><institution-id institution-id-type="ringgold">1234</institution-id><institution>Sorbonne</institution></institution-wrap>,
                    <addr-line>Paris</addr-line>, <country>France</country></aff>
                  <aff id="aff2"><label>2</label>Institute of Testing, Testville, Testland</aff>
                </contrib-group>
                <contrib-group content-type="section">
                  <contrib contrib-type="editor"><name><surname>Editor</surname><given-names>Ed</given-names></name>
                    <aff><institution>Editorial University</institution>, <country>Norway</country> <email>ed@example.org</email></aff></contrib>
                </contrib-group>
                <author-notes>
                  <corresp id="cor1"><label>*</label>For correspondence: <email>john@example.org</email></corresp>
                  <fn fn-type="equal" id="fn-eq"><label>†</label><p>These authors contributed equally.</p></fn>
                  <fn fn-type="deceased" id="fn-dec"><p>Deceased.</p></fn>
                </author-notes>
                <pub-date pub-type="epub"><day>5</day><month>Mar</month><year>2020</year></pub-date>
                <pub-date pub-type="ppub"><season>Spring</season><year>2020</year></pub-date>
                <volume>7</volume><issue>2</issue><elocation-id>e1001</elocation-id>
                <permissions>
                  <copyright-statement>© 2020 The Authors</copyright-statement>
                  <ali:free_to_read/>
                  <license><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref>
                    <license-p>Open under <ext-link ext-link-type="uri" xlink:href="https://creativecommons.org/licenses/by/4.0/">CC BY</ext-link>.</license-p></license>
                </permissions>
                <related-article related-article-type="corrected-article" xlink:href="https://doi.org/10.5555/Original.1" ext-link-type="uri"/>
                <related-article related-article-type="companion" xlink:href="info:doi/10.5555/companion"/>
                <related-article related-article-type="commentary" xlink:href="https://example.org/page"/>
                <abstract abstract-type="structured"><title>Abstract</title>
                  <sec><title>Background</title><p>Why.</p></sec>
                  <sec><title>Results</title><p>What <sub>2</sub>.</p></sec>
                </abstract>
                <abstract abstract-type="teaser"><p>Short.</p></abstract>
                <trans-abstract xml:lang="fr"><p>Résumé.</p></trans-abstract>
                <kwd-group kwd-group-type="author"><title>Keywords</title><kwd>cells</kwd><kwd><italic>in vivo</italic> work</kwd></kwd-group>
              </article-meta>
            </front>
            </article>
            """;

    private final Article a;

    FrontMatterTest() throws JatsException {
        a = new JatsReader().read(FRONT.getBytes(StandardCharsets.UTF_8), "front.xml");
    }

    @Test
    void identityJournalAndTitles() {
        assertThat(a.doi()).isEqualTo("10.5555/Front.Matter");
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.articleType()).isEqualTo("review-article");
        assertThat(a.ids()).extracting(i -> i.type() + "=" + i.value())
                .containsExactly("pmid=123456", "doi=10.5555/Front.Matter");
        assertThat(a.journal().key()).isEqualTo("J Test");
        assertThat(a.journal().issnPrint()).isEqualTo("1234-5678");
        assertThat(a.journal().issnElectronic()).isEqualTo("8765-4321");
        assertThat(a.journal().publisher()).isEqualTo("Test Press");
        assertThat(a.titleHtml()).isEqualTo("The <i>E. coli</i> case");
        assertThat(a.subtitleHtml()).isEqualTo("A <span class=\"sc\">subtitle</span>");
        assertThat(a.subjectGroups()).hasSize(1);
        assertThat(a.subjectGroups().get(0).subjects()).containsExactly("Biology", "Cell biology", "Mitosis");
    }

    @Test
    void contributors() {
        assertThat(a.contributors()).hasSize(5);
        Contributor curie = a.contributors().get(0);
        assertThat(curie.displayName()).isEqualTo("Dr Marie Curie");
        assertThat(curie.orcid()).isEqualTo("https://orcid.org/0000-0002-1825-009X");
        assertThat(curie.affiliationIds()).containsExactly("aff1", "aff2");
        assertThat(curie.equalContribution()).isTrue();
        assertThat(curie.corresponding()).isFalse();

        Contributor doe = a.contributors().get(1);
        assertThat(doe.suffix()).isEqualTo("Jr");
        assertThat(doe.noteIds()).containsExactly("fn-eq", "fn-dec", "cor1");
        assertThat(doe.equalContribution()).as("fn-type equal pointed to").isTrue();
        assertThat(doe.deceased()).as("fn-type deceased pointed to").isTrue();
        assertThat(doe.corresponding()).isTrue();
        assertThat(doe.email()).as("the one email of the corresp note").isEqualTo("john@example.org");

        Contributor group = a.contributors().get(2);
        assertThat(group.collab()).isEqualTo("The Big Consortium");
        assertThat(group.displayName()).isEqualTo("The Big Consortium");
        assertThat(a.contributors()).extracting(Contributor::surname).doesNotContain("Member");

        Contributor ada = a.contributors().get(3);
        assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
        assertThat(ada.deceased()).isTrue();
        assertThat(ada.email()).isEqualTo("ada@example.org");
        assertThat(ada.affiliationIds()).hasSize(1);

        Contributor editor = a.contributors().get(4);
        assertThat(editor.role()).isEqualTo("editor");
        assertThat(a.authors()).hasSize(4);
        assertThat(editor.affiliationIds()).hasSize(1);
        assertThat(editor.email()).as("from the aff, as eLife gives it").isEqualTo("ed@example.org");
    }

    @Test
    void affiliations() {
        Affiliation aff1 = byId("aff1");
        assertThat(aff1.label()).isEqualTo("1");
        assertThat(aff1.text()).isEqualTo("Department of Physics, Sorbonne, Paris, France");
        assertThat(aff1.institution()).isEqualTo("Sorbonne");
        assertThat(aff1.institutionIds()).containsExactly(new Affiliation.InstitutionId("ringgold", "1234"));
        assertThat(aff1.address()).isEqualTo("Paris");
        assertThat(aff1.country()).isEqualTo("France");
        assertThat(byId("aff2").text()).isEqualTo("Institute of Testing, Testville, Testland");
        assertThat(byId("aff2").institution()).isNull();

        Affiliation ada = byId(a.contributors().get(3).affiliationIds().get(0));
        assertThat(ada.institution()).isEqualTo("Analytical Engine Society");
        assertThat(ada.institutionIds()).containsExactly(
                new Affiliation.InstitutionId("ror", "https://ror.org/02mhbdp94"));
        assertThat(ada.text()).isEqualTo("Analytical Engine Society, London, UK");
        assertThat(ada.address()).isEqualTo("London");
        assertThat(byId(a.contributors().get(4).affiliationIds().get(0)).text())
                .isEqualTo("Editorial University, Norway");
    }

    private Affiliation byId(String id) {
        return a.affiliations().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void authorNotesDatesAndPermissions() {
        assertThat(a.authorNotes()).extracting(AuthorNote::id, AuthorNote::kind, AuthorNote::type, AuthorNote::label)
                .containsExactly(tuple("cor1", "corresp", null, "*"), tuple("fn-eq", "fn", "equal", "†"),
                        tuple("fn-dec", "fn", "deceased", null));
        assertThat(a.authorNotes().get(0).html())
                .isEqualTo("For correspondence: <a href=\"mailto:john@example.org\">john@example.org</a>");
        assertThat(a.authorNotes().get(0).email()).isEqualTo("john@example.org");
        assertThat(a.pubDates()).extracting(PubDate::type, PubDate::iso, PubDate::season)
                .containsExactly(tuple("epub", "2020-03-05", null), tuple("ppub", "2020", "Spring"));
        assertThat(a.volume()).isEqualTo("7");
        assertThat(a.issue()).isEqualTo("2");
        assertThat(a.elocationId()).isEqualTo("e1001");
        assertThat(a.permissions().licenseUrl()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(a.permissions().licenseHtml())
                .isEqualTo("<p>Open under <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY</a>.</p>");
        assertThat(a.permissions().copyrightStatement()).isEqualTo("© 2020 The Authors");
    }

    @Test
    void relatedArticlesAbstractsKeywords() {
        assertThat(a.relatedArticles()).extracting(RelatedArticle::type, RelatedArticle::doi, RelatedArticle::href)
                .containsExactly(
                        tuple("corrected-article", "10.5555/Original.1", "https://doi.org/10.5555/Original.1"),
                        tuple("companion", "10.5555/companion", "info:doi/10.5555/companion"),
                        tuple("commentary", null, "https://example.org/page"));
        assertThat(a.abstracts()).extracting(Abstract::type, Abstract::title, Abstract::structured)
                .containsExactly(tuple("structured", "Abstract", true), tuple("teaser", null, false));
        assertThat(a.abstracts().get(0).html()).isEqualTo(
                "<section id=\"recto-sec-1\"><h3>Background</h3><p>Why.</p></section>"
                        + "<section id=\"recto-sec-2\"><h3>Results</h3><p>What <sub>2</sub>.</p></section>");
        assertThat(a.keywordGroups()).hasSize(1);
        assertThat(a.keywordGroups().get(0).title()).isEqualTo("Keywords");
        assertThat(a.keywordGroups().get(0).keywords()).containsExactly("cells", "in vivo work");
        assertThat(a.body().html()).isEmpty();
    }
}
