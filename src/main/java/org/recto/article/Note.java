package org.recto.article;

/**
 * A note of the back matter's {@code fn-group}s (or a body footnote): its id, its label ("1", "*"),
 * its content as safe HTML and as plain text (what the reference parser reads).
 */
public record Note(String id, String label, String html, String text) {
}
