package org.recto.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;

import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.endnote.EndNoteConverter;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import de.undercouch.citeproc.ris.RISConverter;

/** The exports parse back with citeproc-java's own readers to the same fields; the styles say what they should. */
class CitationExportsTest {

    static final String NAMES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en"><front>
            <journal-meta><journal-title-group><journal-title>Zeitschrift für Ökologie &amp; Umwelt</journal-title></journal-title-group>
              <issn pub-type="epub">1234-5678</issn><publisher><publisher-name>Verlag Ä</publisher-name></publisher></journal-meta>
            <article-meta><article-id pub-id-type="doi">10.5555/names.1</article-id>
            <title-group><article-title>Groß &amp; klein: 50% of {braces} at $5 in São Paulo_#1</article-title></title-group>
            <contrib-group>
              <contrib contrib-type="author"><name><surname>van der Berg</surname><given-names>Jan</given-names></name></contrib>
              <contrib contrib-type="author"><name><surname>Żółć</surname><given-names>Łukasz</given-names></name></contrib>
              <contrib contrib-type="author"><name><surname>de la Fuente</surname><given-names>María José</given-names></name></contrib>
              <contrib contrib-type="author"><collab>The Øresund Consortium</collab></contrib>
            </contrib-group>
            <pub-date pub-type="epub"><day>5</day><month>3</month><year>2021</year></pub-date>
            <volume>12</volume><issue>3</issue><fpage>45</fpage><lpage>67</lpage>
            </article-meta></front><body><p>Text.</p></body></article>
            """;

    static CSLItemData seed() throws Exception {
        return CitationItems.of(new JatsReader().read(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed"));
    }

    static CSLItemData names() throws Exception {
        Article a = new JatsReader().read(NAMES.getBytes(StandardCharsets.UTF_8), "names.xml");
        return CitationItems.of(a);
    }

    @Test
    void risParsesBackToTheSameFields() throws Exception {
        for (CSLItemData item : List.of(seed(), names())) {
            String ris = CitationExports.RIS.write(item);
            var lib = new RISConverter().loadLibrary(new ByteArrayInputStream(ris.getBytes(StandardCharsets.UTF_8)));
            CSLItemData back = new RISConverter().toItemData(lib).values().iterator().next();
            assertSameFields(back, item);
        }
    }

    @Test
    void bibtexParsesBackToTheSameFields() throws Exception {
        for (CSLItemData item : List.of(seed(), names())) {
            String bib = CitationExports.BIBTEX.write(item);
            var db = new BibTeXConverter().loadDatabase(new ByteArrayInputStream(bib.getBytes(StandardCharsets.UTF_8)));
            CSLItemData back = new BibTeXConverter().toItemData(db).values().iterator().next();
            assertSameFields(back, item);
        }
        assertThat(CitationExports.BIBTEX.write(names())).contains("\\& klein: 50\\% of \\{braces\\} at \\$5 in São Paulo\\_\\#1")
                .contains("author = {van der Berg, Jan and Żółć, Łukasz and de la Fuente, María José and {The Øresund Consortium}}")
                .contains("pages = {45--67}");
    }

    @Test
    void endNoteParsesBackToTheSameFields() throws Exception {
        for (CSLItemData item : List.of(seed(), names())) {
            String enw = CitationExports.ENDNOTE.write(item);
            var lib = new EndNoteConverter().loadLibrary(new ByteArrayInputStream(enw.getBytes(StandardCharsets.UTF_8)));
            CSLItemData back = new EndNoteConverter().toItemData(lib).values().iterator().next();
            // citeproc-java's EndNote reader keeps %R (the DOI) to itself; the DOI comes back in the URL.
            assertThat(back.getURL()).isEqualTo("https://doi.org/" + item.getDOI());
            assertSameFields(new de.undercouch.citeproc.csl.CSLItemDataBuilder(back).DOI(item.getDOI()).build(), item);
        }
    }

    @Test
    void cslJsonParsesBackToTheSameItem() throws Exception {
        for (CSLItemData item : List.of(seed(), names())) {
            String json = CitationExports.CSL_JSON.write(item);
            List<Object> array = new JsonParser(new JsonLexer(new StringReader(json))).parseArray();
            @SuppressWarnings("unchecked")
            CSLItemData back = CSLItemData.fromJson((java.util.Map<String, Object>) array.get(0));
            assertSameFields(back, item);
            assertThat(back.getAuthor()[0].getNonDroppingParticle()).isEqualTo(item.getAuthor()[0].getNonDroppingParticle());
        }
    }

    @Test
    void particlesAndCollaborationsAreKeptApart() throws Exception {
        CSLName[] authors = names().getAuthor();
        assertThat(authors[0].getNonDroppingParticle()).isEqualTo("van der");
        assertThat(authors[0].getFamily()).isEqualTo("Berg");
        assertThat(authors[2].getNonDroppingParticle()).isEqualTo("de la");
        assertThat(authors[3].getLiteral()).isEqualTo("The Øresund Consortium");
    }

    @Test
    void apaAndChicagoFormatTheSeedAsExpected() throws Exception {
        CitationStyles styles = new CitationStyles();
        assertThat(styles.text("seed", seed(), "apa")).isEqualTo("Mills, K., & Bloomfield, A. (2017). African resistance to the "
                + "International Criminal Court: Halting the advance of the anti-impunity norm. Review of International Studies, "
                + "44(1), 101–127. https://doi.org/10.1017/S0260210517000407");
        assertThat(styles.text("seed", seed(), "chicago-author-date")).isEqualTo("Mills, Kurt, and Alan Bloomfield. 2017. "
                + "“African Resistance to the International Criminal Court: Halting the Advance of the Anti-Impunity Norm.” "
                + "Review of International Studies 44 (1): 101–27. https://doi.org/10.1017/S0260210517000407.");
        // As HTML: italics as <i>, no style attribute (the site's CSP allows none).
        assertThat(styles.html("seed", seed(), "apa")).contains("<i>Review of International Studies</i>, <i>44</i>(1)")
                .doesNotContain("style=");
        assertThat(styles.text("names", names(), "apa")).startsWith("van der Berg, J., Żółć, Ł., de la Fuente, M. J., & The Øresund Consortium. (2021). Groß & klein");
    }

    @Test
    void anyStyleOfTheRepositoryWorksDependentOnesIncludedAndOthersAreRefused() throws Exception {
        CitationStyles styles = new CitationStyles();
        assertThat(styles.count()).isGreaterThan(9_000);
        // A dependent style (it names its parent, here Elsevier's Vancouver variant) formats like its parent.
        assertThat(styles.exists("journal-of-molecular-and-cellular-cardiology")).isTrue();
        assertThat(styles.text("seed", seed(), "journal-of-molecular-and-cellular-cardiology")).contains("Mills", "2017");
        assertThat(styles.exists("no-such-style")).isFalse();
        assertThat(styles.exists("../../etc/passwd")).isFalse();
        assertThat(styles.exists("https://example.org/apa.csl")).isFalse();
        assertThat(styles.suggestions("chicago")).isNotEmpty().allMatch(id -> id.contains("chicago"));
        assertThat(styles.suggestions("zzz")).contains("apa", "ieee");
    }

    private static void assertSameFields(CSLItemData back, CSLItemData item) {
        assertThat(back.getTitle()).isEqualTo(item.getTitle());
        assertThat(back.getContainerTitle()).isEqualTo(item.getContainerTitle());
        assertThat(back.getVolume()).isEqualTo(item.getVolume());
        assertThat(back.getIssue()).isEqualTo(item.getIssue());
        assertThat(back.getPage()).isEqualTo(item.getPage());
        assertThat(back.getDOI()).isEqualTo(item.getDOI());
        assertThat(year(back)).isEqualTo(String.valueOf(item.getIssued().getDateParts()[0][0]));
        assertThat(Arrays.stream(back.getAuthor()).map(CitationExportsTest::fullName).toList())
                .isEqualTo(Arrays.stream(item.getAuthor()).map(CitationExportsTest::fullName).toList());
    }

    /** The year, whether a reader gave it as date parts or as the raw date. */
    private static String year(CSLItemData i) {
        var d = i.getIssued();
        return d.getDateParts() != null ? String.valueOf(d.getDateParts()[0][0]) : d.getRaw().substring(0, 4);
    }

    /** A name as a reader sees it, whichever way a reader split particle and family. */
    private static String fullName(CSLName n) {
        if (n.getLiteral() != null) {
            return n.getLiteral();
        }
        return (n.getGiven() == null ? "" : n.getGiven() + " ") + CitationItems.familyWithParticle(n);
    }
}
