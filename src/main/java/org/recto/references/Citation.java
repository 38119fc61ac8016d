package org.recto.references;

import java.util.List;

/**
 * One citation inside a note. {@code start}/{@code end} (and the fields' offsets) are positions in the
 * note's text. A back-reference ("Ibid.", "op. cit.", "Idem", a short form such as "Bloomfield, 'Norm
 * antipreneurs', p. 326") names the note holding the full reference in {@code resolvesTo} (its label)
 * and the index of the citation within that note in {@code resolvesToCitation}, with its pinpoint
 * pages in {@code pages}. A full reference, or a back-reference that matches nothing earlier, has
 * {@code resolvesTo} null.
 */
public record Citation(
        String text,
        int start,
        int end,
        List<Field> fields,
        String doi,
        String url,
        String resolvesTo,
        Integer resolvesToCitation,
        String pages) {

    public Citation {
        fields = List.copyOf(fields);
    }

    /** Whether this citation was resolved to an earlier full reference. */
    public boolean isResolved() {
        return resolvesTo != null;
    }
}
