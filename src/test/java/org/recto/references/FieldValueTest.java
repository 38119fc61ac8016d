package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldValueTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            date            | 2014),                                     | 2014
            date            | (1999).                                    | 1999
            date            | Jan. 1995.                                 | Jan. 1995
            author          | Hoffman, Matthew J.,                       | Hoffman, Matthew J.
            author          | Welsh P, Peters MJ, McInnes IB, et al.     | Welsh P, Peters MJ, McInnes IB, et al.
            author          | ———.                                       | ———
            title           | “Acts and the Problem of Its Text,”        | Acts and the Problem of Its Text
            title           | 'Cold-formed steel channels',              | Cold-formed steel channels
            title           | Relations between the U.S.                 | Relations between the U.S.
            title           | Proceedings of AAAI (AAAI).                | Proceedings of AAAI (AAAI)
            title           | “A” and “B”                                | “A” and “B”
            journal         | Phys. Rev.                                 | Phys. Rev.
            journal         | Ann Rheum Dis.                             | Ann Rheum Dis
            journal         | Journal of Studies,                        | Journal of Studies
            container-title | In Proceedings of the IEEE,                | Proceedings of the IEEE
            container-title | in The Modern Middle East,                 | The Modern Middle East
            editor          | In J. Smith (Ed.),                         | J. Smith
            editor          | In C. B. Jones, R. C. Shaw, and T. Denvir, editors, | C. B. Jones, R. C. Shaw, and T. Denvir
            editor          | Edited by Giorgio Colli and Montinari Mazzino. | Giorgio Colli and Montinari Mazzino
            editor          | eds. L. Coly & J. D. S.                    | L. Coly & J. D. S.
            editor          | ed. Gerd-Rainer Horn and Ted Gerard        | Gerd-Rainer Horn and Ted Gerard
            editor          | Ed.                                        | Ed
            translator      | Trans. W. D. Ross.                         | W. D. Ross
            translator      | Translated by K. William Whitney, Jr.      | K. William Whitney, Jr.
            pages           | pp. 45-67.                                 | 45-67
            pages           | (pp. 315-324).                             | 315-324
            pages           | p. 6-21.                                   | 6-21
            volume          | Vol. 19,                                   | 19
            volume          | 2003;74(2):                                | 2003;74(2)
            issue           | No. 1,                                     | 1
            location        | (Berkeley:                                 | Berkeley
            publisher       | University of California Press,            | University of California Press
            doi             | doi: 10.4049/jimmunol.1501285.             | 10.4049/jimmunol.1501285
            doi             | https://doi.org/10.1093/cid/ciy.           | 10.1093/cid/ciy
            note            | ,.;:                                       | ``
            """)
    void takesJoiningPunctuationAndCueWordsOff(String label, String text, String value) {
        assertThat(new Field(label, text, 0, text.length()).value()).isEqualTo(value);
    }

    @Test
    void longRunsOfMarksAndBracketsGiveAPartOfTheText() {
        String marks = "—" + ",".repeat(50_000) + "(".repeat(20_000) + "x" + ")".repeat(20_000) + "—";
        String value = new Field("editor", marks, 0, marks.length()).value();
        assertThat(marks.contains(value)).isTrue();
        assertThat(value).contains("x").doesNotStartWith(",");
        String spaced = "J. Smith" + " ".repeat(100_000) + "eds.";
        assertThat(new Field("editor", spaced, 0, spaced.length()).value()).isEqualTo("J. Smith");
    }
}
