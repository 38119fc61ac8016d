package org.recto.article;

/** How articles get into the store. Each call is one transaction: all of the article or nothing. */
public interface ArticleStore {

    /**
     * Stores the article as a new version of its DOI (the first version if the DOI is new). Bytes
     * identical to the latest version's source are not stored again.
     */
    default SaveResult save(Article article, byte[] jatsSource, String sourceName) {
        return save(article, jatsSource, sourceName, java.util.List.of());
    }

    /**
     * Stores the article with the files of its package, in the same transaction. The XML and the files
     * together decide whether anything changed: the same XML with the same files stores nothing new.
     */
    SaveResult save(Article article, byte[] jatsSource, String sourceName, java.util.List<ArticleFile> files);

    /**
     * Stores several articles in one transaction (an import's batch): all of them or none. A caller that must
     * keep the good ones when one fails tries them again one by one.
     */
    java.util.List<SaveResult> saveAll(java.util.List<Draft> drafts);

    /** An article to store, with the source it was read from and the files of its package. */
    record Draft(Article article, byte[] jatsSource, String sourceName, java.util.List<ArticleFile> files) {

        public Draft {
            files = files == null ? java.util.List.of() : java.util.List.copyOf(files);
        }
    }

    /** What {@link #save} did. */
    record SaveResult(String doi, int version, Outcome outcome) {
    }

    enum Outcome { NEW, UPDATED, UNCHANGED }
}
