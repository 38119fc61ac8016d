package org.recto.article;

import java.util.List;
import java.util.Optional;

/** Narrow reads for the modules that derive data from article versions, and the walk a reindex takes. */
public interface ArticleVersions {

    /** The version's identity, notes and references. */
    Optional<CitationSource> citationSource(String doi, int version);

    /** Every stored version, in DOI order and oldest first. */
    List<VersionKey> allVersions();

    /** One stored version. */
    record VersionKey(String doi, int version, boolean latest) {
    }
}
