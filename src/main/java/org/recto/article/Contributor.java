package org.recto.article;

import java.util.List;

/**
 * An author, editor or other contributor. A person has a surname (and usually given names); a
 * group has {@code collab} instead. {@code affiliationIds} and {@code noteIds} are the ids of the
 * {@link Affiliation}s and {@link AuthorNote}s it points to, in the order the XML gives.
 */
public record Contributor(
        String role,
        String surname,
        String givenNames,
        String prefix,
        String suffix,
        String collab,
        String orcid,
        String email,
        List<String> affiliationIds,
        List<String> noteIds,
        boolean corresponding,
        boolean equalContribution,
        boolean deceased) {

    public Contributor {
        affiliationIds = List.copyOf(affiliationIds);
        noteIds = List.copyOf(noteIds);
    }

    /** "Given Surname" for a person, the group's name for a collaboration. */
    public String displayName() {
        if (collab != null && !collab.isBlank()) {
            return collab;
        }
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {prefix, givenNames, surname, suffix}) {
            if (part != null && !part.isBlank()) {
                if (!name.isEmpty()) {
                    name.append(' ');
                }
                name.append(part.strip());
            }
        }
        return name.toString();
    }

    /** "Surname, Given" as Google Scholar and reference managers want it. */
    public String invertedName() {
        if (collab != null && !collab.isBlank()) {
            return collab;
        }
        if (givenNames == null || givenNames.isBlank()) {
            return surname == null ? "" : surname;
        }
        return surname + ", " + givenNames;
    }
}
