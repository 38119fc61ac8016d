package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.recto.references.training.CorpusNames;
import org.recto.support.SharedData;

class GazetteerTest {

    private static final int JOURNAL = 1 << Gazetteer.KINDS.indexOf("journal");
    private static final int LOCATION = 1 << Gazetteer.KINDS.indexOf("location");

    @Test
    void findsTheLongestKnownNameIgnoringCaseAndPunctuation() throws Exception {
        Gazetteer g = Gazetteer.builder().add("journal", "Phys. Rev.").add("journal", "Phys. Rev. D")
                .add("location", "Cambridge").add("title", "Not a name kind").build();
        assertThat(g.size()).isEqualTo(3);
        Tokens toks = Tokenizer.tokenize("J. Smith, PHYS REV D 65, 094516 (2002), Cambridge");
        Gazetteer.Matches m = g.match(Features.analyse(toks));
        int phys = indexOf(toks, "PHYS");
        int d = indexOf(toks, "D");
        for (int i = phys; i <= d; i++) {
            assertThat(m.kinds()[i]).isEqualTo(JOURNAL);
            assertThat(m.first()[i]).isEqualTo(phys);
            assertThat(m.last()[i]).isEqualTo(d);
        }
        assertThat(m.kinds()[indexOf(toks, "Smith")]).isZero();
        assertThat(m.kinds()[indexOf(toks, "65")]).isZero();
        assertThat(m.kinds()[indexOf(toks, "Cambridge")]).isEqualTo(LOCATION);

        // the model file keeps the names
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        g.write(new DataOutputStream(bytes));
        Gazetteer back = Gazetteer.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.match(Features.analyse(toks)).kinds()).isEqualTo(m.kinds());
    }

    @Test
    void readsJournalPublisherAndPlaceNamesFromTheJatsCorpus() {
        Gazetteer g = CorpusNames.read(SharedData.dir().resolve("corpus/jats"), System.err);
        assertThat(g.size()).isGreaterThan(1000);
        Tokens toks = Tokenizer.tokenize("Journal of Biological Chemistry");
        assertThat(g.match(Features.analyse(toks)).kinds()[0] & JOURNAL).isEqualTo(JOURNAL);
        assertThat(CorpusNames.read(Path.of("no/such/folder"), System.err).size()).isZero();
    }

    private static int indexOf(Tokens toks, String token) {
        for (int i = 0; i < toks.size(); i++) {
            if (toks.token(i).equals(token)) {
                return i;
            }
        }
        throw new AssertionError("no token " + token);
    }
}
