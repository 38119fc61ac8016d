package org.recto.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.recto.delivery.DeliveryProperties;
import org.springframework.util.unit.DataSize;

/** The rules without a server: Dropbox's header escaping, Kindle names, the limits, the token cipher. */
class DeliveryRulesTest {

    @Test
    void dropboxApiArgEscapesEverythingOutsidePrintableAscii() {
        assertThat(DropboxUploader.apiArg("/Über „Normen“ — 日本\t\"q\\.pdf"))
                .isEqualTo("{\"path\":\"/\\u00dcber \\u201eNormen\\u201c \\u2014 \\u65e5\\u672c\\u0009\\\"q\\\\.pdf\","
                        + "\"mode\":\"add\",\"autorename\":true,\"mute\":false}")
                .matches("[ -~]+");
        assertThat(DropboxUploader.apiArg("/emoji \uD83D\uDCD6.epub")).contains("\\ud83d\\udcd6");
    }

    @Test
    void aKindleNameIsOnlyWhatAmazonAllows() {
        assertThat(KindleAddress.of("  Jane.Doe_7 ", "free.kindle.com").email()).isEqualTo("jane.doe_7@free.kindle.com");
        for (String bad : new String[] {"a..b", "a.", "-", "jane doe", "jane%0abcc", "jané", "a\nb", "x".repeat(65)}) {
            assertThatThrownBy(() -> KindleAddress.of(bad, "kindle.com")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> KindleAddress.of("jane", "kindle.com.evil.example")).hasMessageContaining("no other domain");
    }

    @Test
    void limitsCountPerClientSessionAndAddressAndRefuseWithoutCounting() {
        SendLimits limits = new SendLimits(properties(new DeliveryProperties.Limits(Duration.ofHours(1), 3, 2, 1)));
        assertThat(limits.take("10.0.0.1", "s1", "a@kindle.com")).isEmpty();
        assertThat(limits.take("10.0.0.1", "s2", "a@kindle.com")).get().asString().contains("this Kindle address");
        assertThat(limits.take("10.0.0.1", "s1", null)).isEmpty();
        assertThat(limits.take("10.0.0.1", "s1", null)).get().asString().contains("You have sent many");
        assertThat(limits.take("10.0.0.1", "s3", null)).isEmpty();
        assertThat(limits.take("10.0.0.1", "s4", null)).as("the client's third send was its limit").isPresent();
        assertThat(limits.take("10.0.0.2", "s4", "b@kindle.com")).isEmpty();
    }

    @Test
    void aSealedTokenOpensOnlyWithItsKeyAndInItsRow() {
        TokenCipher cipher = new TokenCipher(properties(new DeliveryProperties.Limits(Duration.ofHours(1), 1, 1, 1)));
        String sealed = cipher.encrypt("refresh-secret", "row-1");
        assertThat(sealed).doesNotContain("refresh-secret").isNotEqualTo(cipher.encrypt("refresh-secret", "row-1"));
        assertThat(cipher.decrypt(sealed, "row-1")).isEqualTo("refresh-secret");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "row-2")).isInstanceOf(IllegalStateException.class);
    }

    private static DeliveryProperties properties(DeliveryProperties.Limits limits) {
        var none = new DeliveryProperties.Provider("", "", "", "", "", "");
        return new DeliveryProperties("", "", DataSize.ofMegabytes(50), limits, "MDEyMzQ1Njc4OWFiY2RlZg==", Duration.ofDays(30),
                "http://localhost:8080", DataSize.ofMegabytes(5), none, none);
    }
}
