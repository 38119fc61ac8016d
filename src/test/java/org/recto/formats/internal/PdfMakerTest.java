package org.recto.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.formats.Validators;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;

class PdfMakerTest {

    @Test
    void seedPdf() throws Exception {
        Article a = new JatsReader().read(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed");
        var doc = PrintEdition.of(new StoredArticle(a, 1, 1, Instant.now()), List.of("A correction has been issued."));
        DocumentCleanup.apply(doc);
        long t = System.nanoTime();
        byte[] pdf = new PdfMaker().make(a, doc);
        System.out.println("ms " + (System.nanoTime() - t) / 1e6 + " bytes " + pdf.length);
        Files.write(Path.of("/tmp/formats-seed.pdf"), pdf);
        System.out.println(Validators.pdfUaProblems(pdf));
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var r = new org.apache.pdfbox.rendering.PDFRenderer(d);
            for (int i = 0; i < 2; i++) {
                javax.imageio.ImageIO.write(r.renderImageWithDPI(i, 80), "png", new java.io.File("/tmp/formats-seed-p" + i + ".png"));
            }
            for (var page : d.getPages()) {
                for (var an : page.getAnnotations()) {
                    if (an.getContents() == null) {
                        System.out.println("NO CONTENTS " + an.getCOSObject());
                    }
                }
            }
        }
        String text = Validators.pdfText(pdf);
        System.out.println(text.substring(0, Math.min(1500, text.length())));
        assertThat(text).contains("Norm");
    }
}
