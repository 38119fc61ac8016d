package org.recto.attention;

import java.time.Instant;

/**
 * A mention of an article at a source: {@code id} is the mention's id at its source (a mention is the same mention
 * when source and id are); {@code author} the person or outlet, {@code date} when it was made.
 */
public record Mention(String doi, String source, String id, String author, String url, Instant date) {
}
