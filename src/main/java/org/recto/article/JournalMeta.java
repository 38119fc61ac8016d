package org.recto.article;

/**
 * The journal as an article names it in {@code journal-meta}. {@code key} is the stable short name
 * used in URLs: the publisher's journal id, else an NLM abbreviation, else the first ISSN.
 */
public record JournalMeta(String key, String title, String issnPrint, String issnElectronic, String publisher) {
}
