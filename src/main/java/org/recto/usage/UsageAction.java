package org.recto.usage;

/**
 * What the reader did. {@link #ABSTRACT} (the landing page) and {@link #EXPORT} (a citation exported) are
 * Investigations only; the full-text formats are Requests (and Investigations), as COUNTER R5.1 section
 * 3.3.3 counts them.
 */
public enum UsageAction {
    /** The article landing page: metadata and abstract. */
    ABSTRACT,
    /** The HTML full text. */
    FULL_TEXT_HTML,
    /** A PDF download or view. */
    PDF,
    /** An EPUB download. */
    EPUB,
    /** "Cite this article": a citation exported (RIS, BibTeX, EndNote, CSL-JSON) or formatted in a style. */
    EXPORT,
    /**
     * A search of the platform (COUNTER Searches_Platform): not of an item, so recorded with an empty DOI, and
     * neither an Investigation nor a Request.
     */
    SEARCH;

    public boolean isRequest() {
        return this != ABSTRACT && this != EXPORT && this != SEARCH;
    }
}
