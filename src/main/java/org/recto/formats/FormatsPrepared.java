package org.recto.formats;

/** A PDF or EPUB of an article version was made and stored, so pages that list its size can show it. */
public record FormatsPrepared(String doi, int version, FormatKind kind, long bytes) {
}
