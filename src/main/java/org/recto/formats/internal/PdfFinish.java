package org.recto.formats.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.Html;

/**
 * What openhtmltopdf leaves for PDFBox to finish: a link that breaks over two lines becomes two
 * annotations and only the first gets its alternate description (PDF/UA 7.18.5); and the XMP names the
 * authors as one string and leaves out the language. Both are set here on the finished file.
 */
final class PdfFinish {

    private PdfFinish() {
    }

    /** Finishes the document openhtmltopdf laid out (still open: it is saved once, by the caller). */
    static void apply(PDDocument doc, Article article, String language) throws IOException {
        for (PDPage page : doc.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getContents() == null) {
                    link.setContents(link.getAction() instanceof PDActionURI uri ? uri.getURI() : "Link within the article");
                }
            }
        }
        PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            String xmp;
            try (InputStream in = metadata.exportXMPMetadata()) {
                xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String dublinCore = dublinCore(article, language);
            int start = xmp.indexOf("<rdf:Description xmlns:dc=");
            int end = start < 0 ? -1 : xmp.indexOf("</rdf:Description>", start);
            if (end > 0) {
                xmp = xmp.substring(0, start) + dublinCore + xmp.substring(end + "</rdf:Description>".length());
                metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * PDF/UA's tag for a formula is Formula (with its Alt), but openhtmltopdf tags every drawn replaced element a
     * Figure: images and formulas, in the document's order. The Figures that are formulas become Formulas; if the
     * counts do not agree (an image or formula that was not drawn), all stay Figures, which PDF/UA also accepts.
     */
    static void formulas(PDDocument doc, List<Boolean> formulaAt) {
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root == null || !formulaAt.contains(true)) {
            return;
        }
        List<PDStructureElement> figures = new ArrayList<>();
        root.getKids().forEach(kid -> figures(kid, figures));
        if (figures.size() == formulaAt.size()) {
            for (int i = 0; i < figures.size(); i++) {
                if (formulaAt.get(i)) {
                    figures.get(i).setStructureType(StandardStructureTypes.FORMULA);
                }
            }
        }
    }

    private static void figures(Object node, List<PDStructureElement> out) {
        if (node instanceof PDStructureElement e) {
            if (StandardStructureTypes.Figure.equals(e.getStructureType())) {
                out.add(e);
            }
            e.getKids().forEach(kid -> figures(kid, out));
        }
    }

    /** Dublin Core for the XMP: title, each author, the journal line as subject, language. */
    private static String dublinCore(Article a, String language) {
        StringBuilder s = new StringBuilder("<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" rdf:about=\"\">");
        s.append("<dc:format>application/pdf</dc:format>");
        s.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(Html.escape(a.titleText()))
                .append("</rdf:li></rdf:Alt></dc:title>");
        List<Contributor> authors = a.authors();
        if (!authors.isEmpty()) {
            s.append("<dc:creator><rdf:Seq>");
            authors.forEach(c -> s.append("<rdf:li>").append(Html.escape(c.displayName())).append("</rdf:li>"));
            s.append("</rdf:Seq></dc:creator>");
        }
        s.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(Html.escape(PrintEdition.subject(a)))
                .append("</rdf:li></rdf:Alt></dc:description>");
        s.append("<dc:subject><rdf:Bag><rdf:li>").append(Html.escape(PrintEdition.subject(a)))
                .append("</rdf:li></rdf:Bag></dc:subject>");
        s.append("<dc:identifier>doi:").append(Html.escape(a.doi())).append("</dc:identifier>");
        s.append("<dc:language><rdf:Bag><rdf:li>").append(Html.escape(language)).append("</rdf:li></rdf:Bag></dc:language>");
        return s.append("</rdf:Description>").toString();
    }
}
