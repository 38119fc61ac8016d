package org.recto.usage;

/**
 * What the reader did. {@link #ABSTRACT} (the landing page) is an Investigation only; the full-text
 * formats are Requests (and Investigations), as COUNTER R5.1 section 3.3.3 counts them.
 */
public enum UsageAction {
    /** The article landing page: metadata and abstract. */
    ABSTRACT,
    /** The HTML full text. */
    FULL_TEXT_HTML,
    /** A PDF download or view. */
    PDF,
    /** An EPUB download. */
    EPUB;

    public boolean isRequest() {
        return this != ABSTRACT;
    }
}
