package org.recto.formats.internal;

/** A PDF or EPUB that could not be made; the message says why, in words a reader can be shown. */
public class FormatUnavailableException extends Exception {

    public FormatUnavailableException(String reason) {
        super(reason);
    }
}
