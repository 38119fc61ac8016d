package org.recto.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A formula's one line of text keeps its scripts, fractions and roots apart. */
class FormulaTextTest {

    private static String text(String mathml) {
        Element math = Jsoup.parseBodyFragment(mathml).selectFirst("math");
        return FormulaText.of(math);
    }

    @Test
    void scriptsFractionsAndRootsKeepTheirStructure() {
        assertThat(text("<math><mrow><msub><mi>R</mi><mn>0</mn></msub></mrow></math>")).isEqualTo("R_0");
        assertThat(text("<math><msup><mi>x</mi><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></msup></math>")).isEqualTo("x^(n + 1)");
        assertThat(text("<math><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>=</mo><msqrt><mi>c</mi></msqrt></math>"))
                .isEqualTo("(a)/(b) = √(c)");
        assertThat(text("<math><munderover><mo>∑</mo><mi>i</mi><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></math>"))
                .isEqualTo("∑_i^n x_i");
        assertThat(text("<math><mi>f</mi><mfenced><mi>x</mi><mi>y</mi></mfenced><mfenced open=\"[\" close=\"]\"><mn>0</mn></mfenced></math>"))
                .isEqualTo("f(x, y)[0]");
    }
}
