package org.recto.references;

import java.util.Set;

/**
 * An article version's notes and references have been parsed and stored, and the citation index updated.
 *
 * @param doi          the article
 * @param version      the version whose citations were prepared
 * @param affectedDois the other articles whose pages show something of this one: the platform articles
 *                     it cites (or cited before; their "cited by" changed) and those that cite it (their
 *                     references now link to it)
 */
public record CitationsPrepared(String doi, int version, Set<String> affectedDois) {

    public CitationsPrepared {
        affectedDois = Set.copyOf(affectedDois);
    }
}
