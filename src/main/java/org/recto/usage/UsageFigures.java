package org.recto.usage;

import java.util.Optional;

/** The usage figures of one article as of the last daily roll-up. */
public interface UsageFigures {

    /**
     * The article's figures; empty (never an exception) when they cannot be read: the database is
     * unreachable, or no roll-up has run yet.
     */
    Optional<ArticleUsage> forArticle(String doi);
}
