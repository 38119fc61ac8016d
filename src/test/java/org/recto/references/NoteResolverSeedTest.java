package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recto.article.Note;

/** The seed article's 140 endnotes: citations, commentary and back-references. */
class NoteResolverSeedTest {

    private static Map<String, ResolvedNote> byLabel;
    private static List<ResolvedNote> resolved;

    @BeforeAll
    static void resolve() throws Exception {
        List<Note> notes = SeedNotes.read();
        assertThat(notes).hasSize(140);
        resolved = new NoteResolver(ReferenceParser.withShippedModel()).resolve(notes);
        byLabel = new HashMap<>();
        for (ResolvedNote n : resolved) {
            byLabel.put(n.label(), n);
        }
    }

    private static Citation only(String label) {
        List<Citation> c = byLabel.get(label).citations();
        assertThat(c).as("citations of note " + label).hasSize(1);
        return c.get(0);
    }

    private static void resolvesTo(String label, String target, int citation) {
        Citation c = only(label);
        assertThat(c.resolvesTo()).as("note " + label + " resolves to").isEqualTo(target);
        assertThat(c.resolvesToCitation()).as("note " + label + " citation index").isEqualTo(citation);
    }

    @Test
    void ibidResolvesToTheFullReferenceThroughChains() {
        resolvesTo("8", "7", 0);
        assertThat(only("8").pages()).isEqualTo("312");
        resolvesTo("9", "7", 0);
        assertThat(only("9").pages()).isEqualTo("322–6");
        resolvesTo("13", "7", 0); // after the short form of note 12
        resolvesTo("14", "7", 0);
        resolvesTo("56", "55", 0);
        assertThat(only("56").pages()).isNull();
        resolvesTo("129", "125", 0);
        resolvesTo("140", "30", 0);
    }

    @Test
    void aNoteWithSeveralCitationsAndCommentary() {
        ResolvedNote n15 = byLabel.get("15");
        assertThat(n15.citations()).hasSize(3);
        assertThat(n15.citations().get(0).text()).startsWith("Ibid.");
        assertThat(n15.citations().get(0).resolvesTo()).isEqualTo("7");
        assertThat(n15.citations().get(0).pages()).isEqualTo("313");
        assertThat(n15.citations().get(1).text()).startsWith("Acharya, Amitav, ‘The R2P");
        assertThat(n15.citations().get(1).resolvesTo()).isNull();
        assertThat(n15.citations().get(2).text()).startsWith("Epstein, Charlotte").doesNotContain("argued");
        assertThat(n15.citations().get(2).resolvesTo()).isNull();
        assertThat(n15.commentary()).startsWith("have argued that much of the norms literature");

        ResolvedNote n28 = byLabel.get("28");
        assertThat(n28.citations()).hasSize(3);
        assertThat(n28.commentary()).contains("For the general theory, see").contains("Also see");
        assertThat(n28.citations().get(0).text()).startsWith("Giddens, Anthony");
        assertThat(n28.citations().get(2).text()).startsWith("Hoffmann");
        assertThat(n28.citations().get(2).resolvesTo()).isEqualTo("24");

        ResolvedNote n88 = byLabel.get("88");
        assertThat(n88.citations()).hasSize(2);
        assertThat(n88.citations().get(1).text()).startsWith("Allan Ngari");
        assertThat(n88.commentary()).contains("At a subsequent hearing before the ICC");

        ResolvedNote n1 = byLabel.get("1");
        assertThat(n1.citations()).hasSize(1);
        assertThat(n1.citations().get(0).text()).startsWith("Pilling, David");
        assertThat(n1.commentary()).contains("quoted in");
    }

    @Test
    void shortFormsResolveToTheFirstFullReference() {
        resolvesTo("12", "7", 0);
        assertThat(only("12").pages()).isEqualTo("326");
        resolvesTo("16", "7", 0);
        resolvesTo("29", "24", 0); // "Hoffman" for Hoffman (and note 28's "Hoffmann")
        resolvesTo("45", "17", 0);
        resolvesTo("57", "47", 0);
        resolvesTo("60", "18", 0);
        resolvesTo("63", "47", 0);
        resolvesTo("64", "62", 0);
        // "Acharya, 'The R2P'": the work is first cited in full as note 15's second citation (note 19 repeats it)
        resolvesTo("66", "15", 1);
        resolvesTo("71", "69", 0);
        resolvesTo("77", "73", 0);
        resolvesTo("81", "80", 0);
        resolvesTo("84", "18", 0);
        assertThat(only("84").pages()).isEqualTo("97");
        resolvesTo("87", "75", 0);
        resolvesTo("96", "88", 1);
        resolvesTo("101", "99", 0);
        resolvesTo("113", "79", 0);
        resolvesTo("115", "42", 0);
        resolvesTo("116", "69", 0);
        resolvesTo("128", "125", 0);
        resolvesTo("132", "102", 0);
        resolvesTo("134", "125", 0);
        resolvesTo("139", "30", 0);
    }

    @Test
    void parallelReportsOfOneCourtCaseStayOneCitation() {
        // "… ZAGPPHC 53; 2017 (3) SA 212 (GP); [2017] 2 All SA 123 (GP) …": one judgment, three reports
        Citation case92 = only("92");
        assertThat(case92.text()).startsWith("Democratic Alliance v Minister").contains("2017 (3) SA 212 (GP)")
                .contains("[2017] 2 All SA 123 (GP)");
        assertThat(case92.resolvesTo()).isNull();
    }

    @Test
    void fullReferencesAndCommentary() {
        for (String full : List.of("3", "7", "17", "19", "42", "47", "69", "125")) {
            assertThat(only(full).resolvesTo()).as("note " + full).isNull();
        }
        for (String commentary : List.of("2", "59", "78", "133")) {
            assertThat(byLabel.get(commentary).citations()).as("note " + commentary).isEmpty();
            assertThat(byLabel.get(commentary).commentary()).isNotBlank();
        }
        Citation seven = only("7");
        assertThat(seven.fields()).anySatisfy(f -> assertThat(f.label()).isEqualTo("journal"));
        for (Field f : seven.fields()) {
            assertThat(byLabel.get("7").citations().get(0).text()).contains(f.text());
        }
    }

    @Test
    void citationOffsetsPointIntoTheNoteText() throws Exception {
        Map<String, String> texts = new HashMap<>();
        for (Note n : SeedNotes.read()) {
            texts.put(n.label(), n.text());
        }
        for (ResolvedNote n : resolved) {
            for (Citation c : n.citations()) {
                assertThat(texts.get(n.label()).substring(c.start(), c.end())).isEqualTo(c.text());
                for (Field f : c.fields()) {
                    assertThat(texts.get(n.label()).substring(f.start(), f.end())).isEqualTo(f.text());
                }
            }
        }
    }

    @Test
    void hostileNotesResolveWithoutException() {
        NoteResolver r = new NoteResolver(ReferenceParser.withShippedModel());
        List<Note> notes = List.of(new Note("a", "1", "", "Ibid."), new Note("b", "2", "", ".,;:!?"),
                new Note("c", "3", "", ""), new Note("d", "4", "", null),
                new Note("e", "5", "", "Smith, ‘A’, and ".repeat(5_000)),
                new Note("f", "6", "", "‘".repeat(20_000) + ";".repeat(20_000)),
                new Note("g", "7", "", "op. cit."), new Note("h", "8", "", "Idem, ‘Another’, p. 3."),
                new Note("i", "9", "", "Ibid., " + ". ".repeat(30_000) + "x"));
        List<ResolvedNote> out = r.resolve(notes);
        assertThat(out).hasSize(notes.size());
        assertThat(out.get(0).citations()).singleElement().satisfies(c -> assertThat(c.resolvesTo()).isNull());
        assertThat(out.get(1).citations()).isEmpty();
        assertThat(out.get(2).citations()).isEmpty();
    }
}
