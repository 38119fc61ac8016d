package org.recto.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the cleaner does with images: package files kept by name for the page, other sites' images not loaded. */
class SafeHtmlImagesTest {

    final SafeHtml safe = new SafeHtml();

    @Test
    void aRelativeImageTravelsAsAPackageFileName() {
        assertThat(safe.clean("<figure><img src=\"elife-1234567890-fig1.tif\" alt=\"\"></figure>"))
                .isEqualTo("<figure><img alt=\"\" data-file=\"elife-1234567890-fig1.tif\"></figure>");
    }

    @Test
    void otherSitesImagesAndPathsOutOfThePackageAreNotFiles() {
        assertThat(safe.clean("<p><img src=\"//tracker.example/p.gif\"></p>"))
                .isEqualTo("<p><span class=\"image-not-shown\">An image from another site is not shown.</span></p>");
        assertThat(safe.clean("<p><img src=\"https://tracker.example/p.gif\"></p>"))
                .contains("An image from another site is not shown.");
        assertThat(safe.clean("<p><img src=\"../../etc/passwd\"></p>")).doesNotContain("data-file").doesNotContain("passwd");
        // A data-file written into the XML's HTML is not trusted: only the cleaner sets it.
        assertThat(safe.clean("<p><img src=\"https://x.example/a.png\" data-file=\"secret.tif\"></p>")).doesNotContain("secret.tif");
    }
}
