package org.recto.interop.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Resumption tokens carry the harvest's place exactly, and a mangled or expired one is refused with badResumptionToken. */
class ResumptionTokenTest {

    private final Instant now = Instant.parse("2026-12-01T12:00:00.123456Z");
    private final ResumptionToken token = new ResumptionToken("jats", "journal:RIS", Instant.parse("2020-01-01T00:00:00Z"), null,
            now, Instant.parse("2026-11-30T08:15:42.987654Z"), "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
            200, 1234, Instant.parse("2026-12-01T13:00:00Z"));

    @Test
    void roundTripsToTheMicrosecond() {
        assertThat(ResumptionToken.decode(token.encode(), now)).isEqualTo(token);
        assertThat(token.encode()).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void refusesMangledAndExpiredTokens() {
        String encoded = token.encode();
        String flipped = (encoded.charAt(5) == 'A' ? "B" : "A");
        for (String bad : new String[] {"", "abc", encoded.substring(0, encoded.length() - 2), encoded.substring(0, 5) + flipped + encoded.substring(6),
                "%%%." + "0", encoded + "0"}) {
            assertThatThrownBy(() -> ResumptionToken.decode(bad, now)).as(bad).isInstanceOf(OaiError.class)
                    .satisfies(e -> assertThat(((OaiError) e).code()).isEqualTo("badResumptionToken"));
        }
        assertThatThrownBy(() -> ResumptionToken.decode(encoded, now.plusSeconds(3601)))
                .isInstanceOf(OaiError.class).hasMessageContaining("expired");
    }
}
