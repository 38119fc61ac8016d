package org.recto.discovery.internal;

/** A search that cannot be run, with a message a reader understands. */
public final class RefusedQuery extends Exception {

    RefusedQuery(String message) {
        super(message, null, false, false);
    }
}
