package org.recto.article;

import java.util.List;

/**
 * An affiliation: its id (what contributors point to), its label (the marker shown beside names,
 * such as "a1" or "1"), the whole text as the XML gives it, and the parts the XML tags.
 */
public record Affiliation(
        String id,
        String label,
        String text,
        String institution,
        List<InstitutionId> institutionIds,
        String address,
        String country) {

    public Affiliation {
        institutionIds = List.copyOf(institutionIds);
    }

    /** A persistent id of an institution: ROR, Ringgold, GRID, ISNI, … */
    public record InstitutionId(String type, String value) {
    }
}
