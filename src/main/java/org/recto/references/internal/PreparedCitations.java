package org.recto.references.internal;

import java.util.List;

import org.recto.references.ParsedReference;
import org.recto.references.ResolvedNote;

/** What the parser made of a version's back matter: its notes resolved, its references parsed, in order. */
public record PreparedCitations(List<ResolvedNote> notes, List<ParsedReference> references) {

    public PreparedCitations {
        notes = List.copyOf(notes);
        references = List.copyOf(references);
    }
}
