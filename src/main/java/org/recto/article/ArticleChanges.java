package org.recto.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When each article last changed, read the way harvesters walk the store (OAI-PMH, sitemaps, feeds,
 * deposits): one row per article, its latest version as of a given moment, ordered by when that version
 * came in and then by DOI. Versions are never changed once stored, so a walk "as of" a fixed moment sees
 * the same rows however many articles are imported while it goes on.
 */
public interface ArticleChanges {

    /** An article's latest version as of the window's moment, when it was stored, and how to group it. */
    record Change(String doi, int version, Instant storedAt, String journalKey, String articleType) {
    }

    /**
     * Which articles to walk: as of {@code asOf}, those whose latest version then was stored in
     * [{@code from}, {@code until}) (either may be null: open), in one journal and of one article type
     * (null: any).
     */
    record Window(Instant asOf, Instant from, Instant until, String journalKey, String articleType) {
    }

    /** Up to {@code limit} articles of the window after {@code after} (null: from the start), in walk order. */
    List<Change> page(Window window, Change after, int limit);

    /** How many articles the window holds. */
    long count(Window window);

    /** The most recently stored articles of a journal (null: of every journal), newest first. */
    List<Change> recent(String journalKey, int limit);

    /** When the first version in the store came in. */
    Optional<Instant> earliest();

    /** Every article type that a latest version has, sorted. */
    List<String> articleTypes();
}
