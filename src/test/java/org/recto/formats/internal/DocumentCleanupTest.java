package org.recto.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Outside links leave the print edition as valid URIs (EPUBCheck's RSC-020 refused elife01287's EPUB). */
class DocumentCleanupTest {

    @Test
    void charactersAUriMayNotCarryArePercentEncoded() {
        assertThat(DocumentCleanup.encodedUri("http://www.ncbi.nlm.nih.gov/biosample/?term=txid595528[Organism:noexp]"))
                .isEqualTo("http://www.ncbi.nlm.nih.gov/biosample/?term=txid595528%5BOrganism:noexp%5D");
        assertThat(DocumentCleanup.encodedUri("https://example.org/a b/é")).isEqualTo("https://example.org/a%20b/%C3%A9");
        assertThat(DocumentCleanup.encodedUri("https://example.org/50%-off?q=%7Bx%7D"))
                .isEqualTo("https://example.org/50%25-off?q=%7Bx%7D");
    }

    @Test
    void aValidUriIsLeftAsItIs() {
        String valid = "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C451::AID-JBM6%3E3.0.CO;2-D?x=1&y=2#top";
        assertThat(DocumentCleanup.encodedUri(valid)).isEqualTo(valid);
    }

    @Test
    void everyOutsideLinkOfTheDocumentParsesAsAUri() {
        Document doc = Jsoup.parse("<p id='p'><a href='#p'>here</a> <a href='http://x.org/?t=[1] |2|'>there</a></p>");
        DocumentCleanup.apply(doc, PackageImages.NONE);
        assertThat(doc.select("a").eachAttr("href")).containsExactly("#p", "http://x.org/?t=%5B1%5D%20%7C2%7C");
        doc.select("a").eachAttr("href").forEach(href -> URI.create(href));
    }
}
