package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferenceParserTest {

    private static ReferenceParser parser;

    @BeforeAll
    static void load() {
        parser = ReferenceParser.withShippedModel();
    }

    private static String first(ParsedReference p, String label) {
        return p.first(label).orElse("");
    }

    @Test
    void parsesAJournalArticleInHumanitiesStyle() {
        ParsedReference p = parser.parse("Bloomfield, Alan, ‘Norm antipreneurs and theorising resistance to normative change’,"
                + " Review of International Studies, 42:2 (2016), pp. 310–333.");
        assertThat(first(p, "author")).contains("Bloomfield, Alan");
        assertThat(first(p, "title")).contains("Norm antipreneurs and theorising resistance to normative change");
        assertThat(first(p, "journal")).contains("Review of International Studies");
        assertThat(first(p, "date")).contains("2016");
        assertThat(first(p, "pages")).contains("310–333");
    }

    @Test
    void parsesAPhysicsReference() {
        ParsedReference p = parser.parse("F. Berruto, L. Giusti, C. Hoelbling and C. Rebbi, Phys. Rev. D 65, 094516 (2002).");
        assertThat(first(p, "author")).isEqualTo("F. Berruto, L. Giusti, C. Hoelbling and C. Rebbi");
        assertThat(first(p, "journal")).startsWith("Phys. Rev. D");
        assertThat(first(p, "volume")).isEqualTo("65");
        assertThat(first(p, "pages")).isEqualTo("094516");
        assertThat(first(p, "date")).isEqualTo("2002");
    }

    @Test
    void parsesABook() {
        ParsedReference p = parser.parse("Schiff, Benjamin N., Building the International Criminal Court"
                + " (Cambridge: Cambridge University Press, 2008).");
        assertThat(first(p, "title")).contains("Building the International Criminal Court");
        assertThat(first(p, "location")).contains("Cambridge");
        assertThat(first(p, "publisher")).contains("Cambridge University Press");
        assertThat(first(p, "date")).contains("2008");
    }

    @Test
    void fieldsAreSubstringsAtTheirOffsetsInOrder() {
        String s = "Mills, Kurt, ‘“Bashir is dividing us”: Africa and the International Criminal Court’, Human Rights"
                + " Quarterly, 34:2 (2012), p. 419, doi:10.1353/hrq.2012.0030.";
        ParsedReference p = parser.parse(s);
        assertThat(p.fields()).isNotEmpty();
        int last = 0;
        for (Field f : p.fields()) {
            assertThat(s.substring(f.start(), f.end())).isEqualTo(f.text());
            assertThat(f.start()).isGreaterThanOrEqualTo(last);
            last = f.end();
        }
        assertThat(p.doi()).contains("10.1353/hrq.2012.0030");
    }

    @Test
    void hostileInputGivesNoException() {
        List<String> inputs = List.of("", "   ", ".,;:!?()[]{}—–-‘’“”", "\u0000\u0001\u0002\u001b[31m\u007f",
                "ابن خلدون، المقدمة، بيروت: دار الفكر، 2004.", "שלום עליכם, ירושלים: כתר, 1990.",
                "王力. 汉语史稿. 北京: 中华书局, 1980.", "金 대중, 한국 정치사, 서울: 나남, 2001.",
                "\uD83D\uDE00\uD83D\uDE00 \uDBFF\uDFFF", "\uD800 lone surrogate \uDC00", "((((((((((((((((((((",
                "‘‘‘‘‘’’’’’“““””””\"\"\"'''''");
        for (String s : inputs) {
            ParsedReference p = parser.parse(s);
            for (Field f : p.fields()) {
                assertThat(s.substring(f.start(), f.end())).isEqualTo(f.text());
            }
        }
        assertThat(parser.parse("").fields()).isEmpty();
        assertThat(parser.parse(".,;:!?()[]{}—–-‘’“”").fields()).isEmpty();
    }

    @Test
    void aHundredKilobyteStringIsLabelledInWindows() {
        StringBuilder b = new StringBuilder();
        String ref = "Smith, J. (2001). A study of things. Journal of Studies, 12(3), 45-67. ";
        while (b.length() < 100_000) {
            b.append(ref);
        }
        String s = b.toString();
        ParsedReference p = parser.parse(s);
        assertThat(p.fields()).isNotEmpty();
        for (Field f : p.fields()) {
            assertThat(s.substring(f.start(), f.end())).isEqualTo(f.text());
        }
        // one long word, and one long run of punctuation
        String word = "x".repeat(100_000);
        assertThat(parser.parse(word).fields()).allSatisfy(f -> assertThat(f.text()).isEqualTo(word));
        assertThat(parser.parse(".".repeat(100_000)).fields()).isEmpty();
    }
}
