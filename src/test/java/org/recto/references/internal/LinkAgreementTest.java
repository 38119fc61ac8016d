package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.references.Identifiers;

/**
 * Identifiers and the tokenizer cut a URL in the same place. Before they were made to agree,
 * Identifiers stopped at a brace or a quote inside the URL and ran on through a no-break space,
 * while the tokenizer kept the URL whole up to white space of any kind.
 */
class LinkAgreementTest {

    private static final List<String> STRINGS = List.of(
            "available at: https://example.org/a_(b)/c. Then www.example.com/x, end",
            "(see http://example.org/page)",
            "Template at https://example.org/t/{id}/view.",
            "Data: https://example.org/q?x=\"1\"; accessed 2020",
            "Online https://example.org/a\u00a0Accessed 3 May",
            "[https://example.org/list]",
            "ftp://ftp.example.org/pub/file.tar.gz”.",
            "Smith J. Title. https://doi.org/10.1234/abc.5).");

    @Test
    void identifiersFindTheUrlsTheTokenizerKeepsWhole() {
        for (String s : STRINGS) {
            assertThat(Identifiers.findUrls(s)).as(s).isEqualTo(urlTokens(s)).isNotEmpty();
        }
    }

    @Test
    void theCutsAreWhereAReaderEndsTheLink() {
        assertThat(Identifiers.findUrls(STRINGS.get(2))).containsExactly("https://example.org/t/{id}/view");
        assertThat(Identifiers.findUrls(STRINGS.get(4))).containsExactly("https://example.org/a");
        assertThat(Identifiers.findUrls(STRINGS.get(5))).containsExactly("https://example.org/list");
        assertThat(Identifiers.findUrls(STRINGS.get(7))).containsExactly("https://doi.org/10.1234/abc.5");
    }

    private static List<String> urlTokens(String s) {
        Tokens t = Tokenizer.tokenize(s);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String token = t.token(i);
            if (token.matches("(?i)(https?://|ftp://|www\\.).*")) {
                out.add(token);
            }
        }
        return out;
    }
}
