package org.recto.references;

import java.util.List;

/**
 * A note split into its citations and its commentary (the note's text outside every citation, lead-ins
 * such as "For the general theory, see" included). A note of pure commentary has no citations.
 */
public record ResolvedNote(String label, String commentary, List<Citation> citations) {

    public ResolvedNote {
        citations = List.copyOf(citations);
    }
}
