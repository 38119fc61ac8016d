package org.recto.article;

import java.util.List;

/**
 * What the citation work of an article version needs, read narrowly: who and what the version is (to be
 * found by title, year and first author), and its notes and references.
 */
public record CitationSource(String doi, int version, int latestVersion, String titleText, Integer year,
                             String firstAuthor, List<Note> notes, List<Reference> references) {

    public CitationSource {
        notes = List.copyOf(notes);
        references = List.copyOf(references);
    }

    public boolean isLatest() {
        return version == latestVersion;
    }
}
