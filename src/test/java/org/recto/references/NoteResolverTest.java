package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recto.article.Note;

/** Back-reference forms the seed article does not use. */
class NoteResolverTest {

    private static NoteResolver resolver;

    @BeforeAll
    static void load() {
        resolver = new NoteResolver(ReferenceParser.withShippedModel());
    }

    private static List<ResolvedNote> resolve(String... texts) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            notes.add(new Note("fn" + (i + 1), String.valueOf(i + 1), "", texts[i]));
        }
        return resolver.resolve(notes);
    }

    @Test
    void opCitIdemAndSupra() {
        List<ResolvedNote> r = resolve(
                "Keohane, Robert O., After Hegemony (Princeton: Princeton University Press, 1984), p. 12.",
                "Waltz, Kenneth N., Theory of International Politics (Reading, MA: Addison-Wesley, 1979), p. 5.",
                "Keohane, op. cit., p. 40.",
                "Idem, p. 41.",
                "Waltz, supra note 2, at 7.",
                "Idem, ‘Theory of International Politics’, p. 9.");
        Citation opCit = r.get(2).citations().get(0);
        assertThat(opCit.resolvesTo()).isEqualTo("1");
        assertThat(opCit.pages()).isEqualTo("40");
        Citation idem = r.get(3).citations().get(0);
        assertThat(idem.resolvesTo()).isEqualTo("1");
        assertThat(idem.pages()).isEqualTo("41");
        assertThat(r.get(4).citations().get(0).resolvesTo()).isEqualTo("2");
        // "Idem" with a title: the same author as the citation before, that title
        assertThat(r.get(5).citations().get(0).resolvesTo()).isEqualTo("2");
    }

    @Test
    void ibidAfterANoteWithSeveralCitationsIsItsLast() {
        List<ResolvedNote> r = resolve(
                "Smith, John, ‘First paper’, Journal of Things, 3:1 (2001), pp. 1–10; Jones, Ann, ‘Second paper’,"
                        + " Journal of Stuff, 4:2 (2002), pp. 11–20.",
                "Ibid., p. 12.",
                "See also Smith, ‘First paper’, p. 3.",
                "Cf. Brown, Bob, ‘Third paper’, Review of Items, 5 (2003), p. 9.");
        assertThat(r.get(0).citations()).hasSize(2);
        Citation ibid = r.get(1).citations().get(0);
        assertThat(ibid.resolvesTo()).isEqualTo("1");
        assertThat(ibid.resolvesToCitation()).isEqualTo(1);
        assertThat(ibid.pages()).isEqualTo("12");
        ResolvedNote see = r.get(2);
        assertThat(see.commentary()).isEqualTo("See also");
        assertThat(see.citations().get(0).resolvesTo()).isEqualTo("1");
        assertThat(see.citations().get(0).resolvesToCitation()).isEqualTo(0);
        assertThat(r.get(3).commentary()).isEqualTo("Cf.");
        assertThat(r.get(3).citations().get(0).resolvesTo()).isNull();
    }

    @Test
    void identifiersOfCitations() {
        List<ResolvedNote> r = resolve("Smith, John, ‘A paper’, Journal of Things, 3:1 (2001), pp. 1–10,"
                + " doi:10.1000/abc.123, available at: https://example.org/paper.");
        Citation c = r.get(0).citations().get(0);
        assertThat(c.doi()).isEqualTo("10.1000/abc.123");
        assertThat(c.url()).isEqualTo("https://example.org/paper");
    }
}
