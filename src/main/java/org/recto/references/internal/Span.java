package org.recto.references.internal;

/** A labelled character range {@code [start, end)} of a string. */
public record Span(String label, int start, int end) {
}
