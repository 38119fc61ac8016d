package org.recto.formats;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** What PDFBox finds of a PDF's images: image XObjects on its pages, and the Figure elements of its structure tree. */
final class PdfImages {

    private PdfImages() {
    }

    /** Image XObjects the pages use (each distinct object once). */
    static int count(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.Set<Object> seen = new java.util.HashSet<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image) {
                        seen.add(image.getCOSObject());
                    }
                }
            }
            return seen.size();
        }
    }

    static int figures(byte[] pdf) throws IOException {
        return figures(pdf, false);
    }

    static int figuresWithoutAlt(byte[] pdf) throws IOException {
        return figures(pdf, true);
    }

    private static int figures(byte[] pdf, boolean withoutAltOnly) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return walk(doc.getDocumentCatalog().getStructureTreeRoot(), withoutAltOnly);
        }
    }

    private static int walk(PDStructureNode node, boolean withoutAltOnly) {
        int n = 0;
        if (node instanceof PDStructureElement e && "Figure".equals(e.getStructureType())
                && (!withoutAltOnly || e.getAlternateDescription() == null || e.getAlternateDescription().isBlank())) {
            n++;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureNode child) {
                n += walk(child, withoutAltOnly);
            }
        }
        return n;
    }
}
