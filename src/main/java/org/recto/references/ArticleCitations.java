package org.recto.references;

import java.util.List;
import java.util.Set;

/**
 * An article version's notes and references, parsed, resolved and linked. {@code platformDois}
 * holds, lower-cased, every DOI cited by a note that belongs to an article on this platform.
 */
public record ArticleCitations(String doi, int version, List<ResolvedNote> notes, List<LinkedReference> references,
                               Set<String> platformDois) {

    public ArticleCitations {
        notes = List.copyOf(notes);
        references = List.copyOf(references);
        platformDois = Set.copyOf(platformDois);
    }

    public boolean isOnPlatform(String doi) {
        return doi != null && platformDois.contains(doi.toLowerCase(java.util.Locale.ROOT));
    }
}
