package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerAndFeaturesTest {

    private static List<String> tokens(String s) {
        Tokens t = Tokenizer.tokenize(s);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.token(i));
        }
        return out;
    }

    @Test
    void splitsPunctuationAndLetterDigitBoundaries() {
        assertThat(tokens("Phys. Rev. D91, 10(2):45–67"))
                .containsExactly("Phys", ".", "Rev", ".", "D", "91", ",", "10", "(", "2", ")", ":", "45", "–", "67");
        assertThat(tokens("O’Brien 12pp")).containsExactly("O", "’", "Brien", "12", "pp");
    }

    @Test
    void keepsLinksWhole() {
        assertThat(tokens("doi:10.1016/S0304-3959(13)00330-8. (https://example.org/a(b)c).")).containsExactly(
                "doi", ":", "10.1016/S0304-3959(13)00330-8", ".", "(", "https://example.org/a(b)c", ")", ".");
    }

    @Test
    void endsDoisWhereGrobidDoes() {
        assertThat(tokens("doi :10.1103/PhysRevD.90.014508.URL http://x.org/a"))
                .containsExactly("doi", ":", "10.1103/PhysRevD.90.014508", ".", "URL", "http://x.org/a");
        assertThat(tokens("doi:10.1007/JHEP06(2010)043,arXiv:1002.2581"))
                .containsExactly("doi", ":", "10.1007/JHEP06(2010)043", ",", "arXiv", ":", "1002", ".", "2581");
    }

    @Test
    void splitsIdeographsButNotSurrogatePairs() {
        assertThat(tokens("汉语史稿 \uD83D\uDE00x")).containsExactly("汉", "语", "史", "稿", "\uD83D\uDE00", "x");
        Tokens t = Tokenizer.tokenize("a\uD83D\uDE00\uD83D\uDE00b");
        for (int i = 0; i < t.size(); i++) {
            assertThat(Character.isLowSurrogate(t.text().charAt(t.start()[i]))).isFalse();
        }
    }

    @Test
    void controlAndFormatCharactersSeparateTokens() {
        assertThat(tokens("a\u0000b\u200Bc\u0085d\u2028e")).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void workIsBoundedPerCharacter() {
        // linear by construction: at most one token per character and a bounded feature set per token
        String[] hostile = {"x".repeat(50_000), ".".repeat(50_000), "a.".repeat(25_000), "10.1234/".repeat(5_000),
            "(".repeat(20_000) + ")".repeat(20_000), "‘".repeat(30_000)};
        for (String s : hostile) {
            Tokens t = Tokenizer.tokenize(s);
            assertThat(t.size()).isLessThanOrEqualTo(s.length());
            long[][] f = Features.extract(t, StyleClassifier.ANYSTYLE);
            assertThat(f.length).isEqualTo(t.size());
            for (long[] perToken : f) {
                assertThat(perToken.length).isLessThanOrEqualTo(Features.MAX_PER_TOKEN);
            }
        }
    }
}
