package org.recto.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.formats.internal.FormatMaker;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;

/**
 * A corpus article with ten display formulas and many inline ones (elife03908): the PDF draws each formula and
 * tags it Formula with its text as Alt, and passes PDF/UA-1; the EPUB keeps each as MathML (with its namespace,
 * an alttext, and the content document declared {@code mathml}) and passes EPUBCheck.
 */
class FormulaFormatsTest {

    private static final Pattern MATH = Pattern.compile("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"[^>]* alttext=\"[^\"]+\"");

    @Test
    void formulasAreMathMlInTheEpubAndTaggedFormulasInThePdf() throws Exception {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        Article a = new JatsReader().read(SharedData.read(SharedData.corpus("elife03908.xml")), "elife03908.xml");
        StoredArticle stored = new StoredArticle(a, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
        FormatMaker maker = new FormatMaker(null, null);

        byte[] epub = maker.make(stored, FormatKind.EPUB, List.of());
        EpubContents contents = EpubContents.of(epub);
        long formulas = MATH.matcher(contents.article()).results().count();
        assertThat(formulas).isGreaterThanOrEqualTo(40);
        assertThat(contents.article()).contains("<msub><mi>R</mi><mn>0</mn></msub>").contains("alttext=\"R_0\"");
        assertThat(contents.manifest()).contains("href=\"article.xhtml\" media-type=\"application/xhtml+xml\" properties=\"mathml\"");
        assertThat(Validators.epubProblems(epub)).isEmpty();

        byte[] pdf = maker.make(stored, FormatKind.PDF, List.of());
        assertThat(Validators.pdfUaProblems(pdf)).isEmpty();
        List<PDStructureElement> tagged = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentCatalog().getStructureTreeRoot().getKids().forEach(kid -> collect(kid, tagged));
        }
        List<String> alts = tagged.stream().filter(e -> e.getStructureType().equals("Formula"))
                .map(PDStructureElement::getAlternateDescription).toList();
        assertThat(alts).hasSize((int) formulas).doesNotContainNull().contains("R_0");
        assertThat(tagged).noneMatch(e -> e.getStructureType().equals("Figure"));
        // Drawn, not set as text: the formula's letters are in its Alt, not in the page's text.
        assertThat(Validators.pdfText(pdf).replaceAll("\\s+", " ")).contains("the basic reproductive ratio, , defined as");
    }

    private static void collect(Object node, List<PDStructureElement> out) {
        if (node instanceof PDStructureElement e) {
            out.add(e);
            e.getKids().forEach(kid -> collect(kid, out));
        }
    }
}
