package org.recto.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.formats.internal.FormatMaker;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;

/**
 * elife08687 has a U+FEFF (a byte-order mark used as a zero-width no-break space) in a figure title: its glyph
 * mapped to U+FEFF in the font's ToUnicode, which PDF/UA-1 forbids (7.21.7-2), so veraPDF refused the PDF.
 */
class ByteOrderMarkPdfTest {

    @Test
    void aStrayByteOrderMarkDoesNotReachThePdf() throws Exception {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        Article a = new JatsReader().read(SharedData.read(SharedData.corpus("elife08687.xml")), "elife08687.xml");
        assertThat(a.body().html()).contains("\uFEFF");
        byte[] pdf = new FormatMaker(null, null).make(new StoredArticle(a, 1, 1, Instant.parse("2025-01-01T00:00:00Z")),
                FormatKind.PDF, List.of());
        assertThat(Validators.pdfUaProblems(pdf)).isEmpty();
        assertThat(Validators.pdfText(pdf)).contains("Representative image of the Q-FISH analysis of a bone marrow section.")
                .doesNotContain("\uFEFF");
    }
}
