package org.recto.article;

/** How articles get into the store. Each call is one transaction: all of the article or nothing. */
public interface ArticleStore {

    /**
     * Stores the article as a new version of its DOI (the first version if the DOI is new). Bytes
     * identical to the latest version's source are not stored again.
     */
    SaveResult save(Article article, byte[] jatsSource, String sourceName);

    /** What {@link #save} did. */
    record SaveResult(String doi, int version, Outcome outcome) {
    }

    enum Outcome { NEW, UPDATED, UNCHANGED }
}
