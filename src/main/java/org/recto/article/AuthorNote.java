package org.recto.article;

/**
 * A note about the authors: correspondence ({@code kind} "corresp") or another author footnote
 * ({@code kind} "fn", with its {@code fn-type} in {@code type}: equal, deceased, present-address, …).
 */
public record AuthorNote(String id, String kind, String type, String label, String html, String email) {
}
