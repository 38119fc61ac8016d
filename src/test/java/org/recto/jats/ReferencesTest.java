package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.Reference;
import org.recto.support.SharedData;

/**
 * References as a reader reads them: PLOS mixed citations keep their own punctuation; eLife element
 * citations, which have none, get a readable composed string; the tagged fields come out as tagged.
 */
class ReferencesTest {

    private static Article corpus(String file) throws Exception {
        Path p = SharedData.dir().resolve("corpus/jats").resolve(file);
        return new JatsReader().read(Files.readAllBytes(p), file);
    }

    private static Reference ref(Article a, String id) {
        return a.back().references().stream().filter(r -> id.equals(r.id())).findFirst().orElseThrow();
    }

    @Test
    void plosMixedCitationsKeepTheirPunctuation() throws Exception {
        Article a = corpus("journal.pmed.1001300.xml");
        Reference caminero = ref(a, "pmed.1001300-Caminero1");
        assertThat(caminero.citationKind()).isEqualTo("mixed-citation");
        assertThat(caminero.label()).isEqualTo("2");
        // The name parts are tagged without a space between them; the reader's text has one.
        assertThat(caminero.rawText()).isEqualTo("Caminero JA, Sotgiu G, Zumla A, Migliori GB (2010) Best drug treatment"
                + " for multidrug-resistant and extensively drug-resistant tuberculosis. Lancet 10: 621–629.");
        assertThat(caminero.authors()).containsExactly("Caminero JA", "Sotgiu G", "Zumla A", "Migliori GB");
        assertThat(caminero.source()).isEqualTo("Lancet");
        assertThat(caminero.year()).isEqualTo("2010");
        assertThat(caminero.volume()).isEqualTo("10");
        assertThat(caminero.firstPage()).isEqualTo("621");
        assertThat(caminero.lastPage()).isEqualTo("629");

        Reference johnston = ref(a, "pmed.1001300-Johnston1");
        assertThat(johnston.rawText()).endsWith("PLoS One 4: e6914 doi:10.1371/journal.pone.0006914.");
        assertThat(johnston.doi()).as("from the dx.doi.org link").isEqualTo("10.1371/journal.pone.0006914");

        Reference who = ref(a, "pmed.1001300-World1");
        assertThat(who.authors()).containsExactly("World Health Organization");
        assertThat(who.rawText()).startsWith("World Health Organization (2008) Guidelines for the programmatic");

        Reference sas = ref(a, "pmed.1001300-Schabenberger1");
        assertThat(sas.publicationType()).isEqualTo("other");
        assertThat(sas.url()).isEqualTo("http://www2.sas.com/proceedings/sugi30/196-30.pdf");
        assertThat(sas.rawText()).contains("Available: http://www2.sas.com/proceedings/sugi30/196-30.pdf. Accessed");
    }

    @Test
    void aRefWithTwoCitationsTakesTheFirstAndKeepsAllText() throws Exception {
        Article a = corpus("journal.pone.0116586.xml");
        Reference twice = ref(a, "pone.0116586.ref041");
        assertThat(twice.articleTitle()).isEqualTo("Global change and the carbon balance of arctic ecosystems");
        assertThat(twice.year()).isEqualTo("1992");
        assertThat(twice.rawText()).startsWith("Shaver GR, Billings WD, Chapin FS III, Giblin AE, Nadelhoffer KJ, et al. (1992)")
                .contains("42:433–441. Shaver GR, Canadell J, Chapin FS III")
                .endsWith("BioScience. 50: 871–882.");
        assertThat(ref(a, "pone.0116586.ref004").pmid()).isEqualTo("11385559");
    }

    @Test
    void aRefWithThreePiecesKeepsEachOnce() throws Exception {
        String xml = """
                <article><front><article-meta><article-id pub-id-type="doi">10.5555/three</article-id>
                <title-group><article-title>T</article-title></title-group>
                </article-meta></front><back><ref-list><ref id="r1">
                <mixed-citation>Alpha A. First work.</mixed-citation>
                <mixed-citation>Beta B. Second work.</mixed-citation>
                <note>Gamma note.</note>
                </ref></ref-list></back></article>""";
        Article a = new JatsReader().read(xml.getBytes(StandardCharsets.UTF_8), "three.xml");
        assertThat(ref(a, "r1").rawText()).isEqualTo("Alpha A. First work. Beta B. Second work. Gamma note.");
    }

    @Test
    void elifeElementCitationsAreComposedReadably() throws Exception {
        Article a = corpus("elife06200.xml");
        Reference almada = ref(a, "bib1");
        assertThat(almada.citationKind()).isEqualTo("element-citation");
        assertThat(almada.publicationType()).isEqualTo("journal");
        assertThat(almada.rawText()).isEqualTo("Almada AE, Wu X, Kriz AJ, Burge CB, Sharp PA. 2013. Promoter"
                + " directionality is controlled by U1 snRNP and polyadenylation signals. Nature 499:360–363."
                + " doi:10.1038/nature12349");
        assertThat(almada.doi()).isEqualTo("10.1038/nature12349");
        assertThat(ref(a, "bib6").rawText()).endsWith("eLife 4:e04986. doi:10.7554/eLife.04986");

        Article b = corpus("elife00013.xml");
        assertThat(ref(b, "bib1").rawText())
                .isEqualTo("Agosta WC. 1992. Chemical communication. New York: Scientific American Press.");
        assertThat(ref(b, "bib1").publisher()).isEqualTo("Scientific American Press");
        assertThat(ref(b, "bib1").publisherLocation()).isEqualTo("New York");
        assertThat(ref(b, "bib7").rawText())
                .isEqualTo("Atlas RM. 2004. Handbook of microbiological media, p. 2051. Boca Raton: CRC.");
        assertThat(ref(b, "bib10").rawText()).startsWith("Blattner FR, Plankett G III, Bloch CA,")
                .contains("Mayhew GF, et al. 1997. The complete genome sequence of Escherichia coli K-12. Science 277:1453–1462.");
    }

    @Test
    void nlmCitations() throws Exception {
        Article a = corpus("journal.pbio.0020188.xml");
        Reference r = ref(a, "pbio-0020188-PCB1");
        assertThat(r.citationKind()).isEqualTo("nlm-citation");
        assertThat(r.rawText()).isEqualTo("President's Council on Bioethics. 2003. Beyond therapy: Biotechnology and"
                + " the pursuit of happiness. Available at http://bioethics.gov/reports/beyondtherapy/index.html via"
                + " the Internet. Accessed 19 April 2004.");
        assertThat(r.url()).isEqualTo("http://bioethics.gov/reports/beyondtherapy/index.html");
    }

    @Test
    void fieldsOfOtherKinds() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta>
                <article-id pub-id-type="doi">10.5555/refs</article-id></article-meta></front>
                <back><ref-list>
                  <ref id="c1"><label>1.</label><element-citation publication-type="book">
                    <person-group person-group-type="author"><collab>The Group</collab><name><surname>Roe</surname><given-names>R</given-names></name><etal/></person-group>
                    <chapter-title>A chapter</chapter-title>
                    <person-group person-group-type="editor"><name><surname>Ed</surname><given-names>E</given-names></name></person-group>
                    <source>The Book</source><edition>2nd ed.</edition><year>2001</year><page-range>10-20</page-range>
                    <publisher-loc>Oxford</publisher-loc><publisher-name>OUP</publisher-name>
                    <ext-link ext-link-type="uri" xlink:href="https://example.org/book">link</ext-link>
                  </element-citation></ref>
                  <ref id="c2"><element-citation publication-type="data"><data-title>A dataset</data-title>
                    <source>Dryad</source><year>2019</year><pub-id pub-id-type="doi">https://doi.org/10.5061/dryad.x</pub-id>
                    <pub-id pub-id-type="pmid">999</pub-id></element-citation></ref>
                  <ref id="c3"><note><p>Personal communication.</p></note></ref>
                </ref-list></back></article>
                """;
        List<Reference> refs = new JatsReader().read(xml.getBytes(StandardCharsets.UTF_8), "refs.xml").back().references();
        Reference book = refs.get(0);
        assertThat(book.label()).isEqualTo("1.");
        assertThat(book.authors()).containsExactly("The Group", "Roe R");
        assertThat(book.articleTitle()).isEqualTo("A chapter");
        assertThat(book.firstPage()).isEqualTo("10");
        assertThat(book.url()).isEqualTo("https://example.org/book");
        assertThat(book.rawText()).isEqualTo("The Group, Roe R, et al. 2001. A chapter. In: Ed E, editor. The Book, 10-20."
                + " 2nd ed. Oxford: OUP. https://example.org/book");
        Reference data = refs.get(1);
        assertThat(data.articleTitle()).isEqualTo("A dataset");
        assertThat(data.doi()).isEqualTo("10.5061/dryad.x");
        assertThat(data.pmid()).isEqualTo("999");
        assertThat(data.rawText()).isEqualTo("2019. A dataset. Dryad. doi:10.5061/dryad.x");
        Reference note = refs.get(2);
        assertThat(note.citationKind()).isNull();
        assertThat(note.rawText()).isEqualTo("Personal communication.");
    }
}
