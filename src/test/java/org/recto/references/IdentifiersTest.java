package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void findsDoisWrittenEveryWay() {
        assertThat(Identifiers.findDois("See doi:10.1017/S0260210518000104.")).containsExactly("10.1017/S0260210518000104");
        assertThat(Identifiers.findDois("https://doi.org/10.1103/PhysRevLett.106.107402, and"))
                .containsExactly("10.1103/PhysRevLett.106.107402");
        assertThat(Identifiers.findDois("http://dx.doi.org/10.1126/science.1064088)")).containsExactly("10.1126/science.1064088");
        assertThat(Identifiers.findDois("DOI: 10.1016/S0304-3959(13)00330-8.")).containsExactly("10.1016/S0304-3959(13)00330-8");
        assertThat(Identifiers.findDois("(doi:10.1017/aog.2016.20)")).containsExactly("10.1017/aog.2016.20");
        assertThat(Identifiers.findDois("10.1000/a and 10.5555/b;")).containsExactly("10.1000/a", "10.5555/b");
        assertThat(Identifiers.findDois("pages 10.12-14, vol 10.5")).isEmpty();
        assertThat(Identifiers.findDois(null)).isEmpty();
    }

    @Test
    void comparesDoisWithoutCase() {
        assertThat(Identifiers.sameDoi("https://doi.org/10.1017/ABC.1", "doi:10.1017/abc.1.")).isTrue();
        assertThat(Identifiers.sameDoi("10.1017/abc.1", "10.1017/abc.2")).isFalse();
        assertThat(Identifiers.doiUrl("doi: 10.1017/abc.1")).isEqualTo("https://doi.org/10.1017/abc.1");
    }

    @Test
    void findsUrlsWithoutTrailingPunctuation() {
        assertThat(Identifiers.findUrls("available at: https://example.org/a_(b)/c. Then www.example.com/x, end"))
                .containsExactly("https://example.org/a_(b)/c", "www.example.com/x");
        assertThat(Identifiers.findUrls("(see http://example.org/page)")).containsExactly("http://example.org/page");
        assertThat(Identifiers.findUrls("no link {} here")).isEmpty();
    }

    @Test
    void acceptsOnlyIsbnsWithRightCheckDigits() {
        assertThat(Identifiers.isValidIsbn("0-486-67260-3")).isTrue();
        assertThat(Identifiers.isValidIsbn("978-0-12-374857-7")).isTrue();
        assertThat(Identifiers.isValidIsbn("0-8044-2957-X")).isTrue();
        assertThat(Identifiers.isValidIsbn("0-486-67260-4")).isFalse();
        assertThat(Identifiers.isValidIsbn("978-0-12-374857-8")).isFalse();
        assertThat(Identifiers.isValidIsbn("12345")).isFalse();
        assertThat(Identifiers.findIsbns("ISBN 978-0-12-374857-7. Also ISBN 0486653633; not 0486653634"))
                .isEqualTo(List.of("9780123748577", "0486653633"));
    }

    @Test
    void parsedReferenceExposesItsIdentifiers() {
        String text = "Smith, J. (2001). A title. Journal 3, 1-2. doi:10.1000/xyz.1 ISBN 0-486-67260-3 http://example.org/a";
        ParsedReference p = new ParsedReference(text, List.of(new Field("doi", "doi:10.1000/xyz.1", 62, 79)));
        assertThat(p.doi()).contains("10.1000/xyz.1");
        assertThat(p.isbn()).contains("0486672603");
        assertThat(p.url()).contains("http://example.org/a");
        assertThat(new ParsedReference("nothing", List.of()).doi()).isEmpty();
    }
}
