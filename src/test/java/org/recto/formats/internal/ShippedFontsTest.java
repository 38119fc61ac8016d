package org.recto.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.recto.article.StoredArticle;
import org.recto.formats.FormatKind;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Nothing in a PDF depends on the machine's fonts: PDFBox falls back to none, and every font in the file is a shipped one, embedded. */
class ShippedFontsTest {

    @Test
    void thePdfUsesOnlyTheShippedFontsAndPdfBoxFallsBackToNone() throws Exception {
        Logger pdfbox = (Logger) LoggerFactory.getLogger("org.apache.pdfbox");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        pdfbox.addAppender(log);
        byte[] pdf;
        try {
            var article = new JatsReader().read(SharedData.read(SharedData.seed("mills-bloomfield-2018.xml")), "seed");
            pdf = new FormatMaker(null, null).make(new StoredArticle(article, 1, 1, Instant.EPOCH), FormatKind.PDF, List.of());
            // The font openhtmltopdf creates for its form controls, made again here: no machine font behind it.
            new PDType1Font(Standard14Fonts.FontName.ZAPF_DINGBATS);
        } finally {
            pdfbox.detachAppender(log);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.toLowerCase().contains("fallback"))
                .noneMatch(m -> m.contains("font cache"));
        assertThat(FontMappers.instance().getFontBoxFont("ZapfDingbats", null).getFont().getName()).startsWith("DejaVuSans");
        assertThat(FontMappers.instance().getFontBoxFont("Times-BoldItalic", null).getFont().getName()).isEqualTo("DejaVuSerif-BoldItalic");
        assertThat(FontMappers.instance().getTrueTypeFont("Courier", null).getFont().getName()).isEqualTo("DejaVuSansMono");

        List<String> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+DejaVu(Serif|Sans|SansMono)(-Bold|-Italic|-BoldItalic)?"));
    }
}
