package org.recto.article;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The journal as an article names it in {@code journal-meta}. {@code key} is the short name the
 * article proposes for URLs: the publisher's journal id, else an NLM abbreviation, else the first ISSN.
 * {@code ids} are its typed journal ids ({@code journal-id-type} to value, in document order). The store
 * finds the journal by ISSN, else by those ids and the title, since a publisher id such as {@code plos}
 * may stand for every title of a publisher.
 */
public record JournalMeta(String key, String title, String issnPrint, String issnElectronic, String publisher,
        Map<String, String> ids) {

    public JournalMeta {
        ids = ids == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    public JournalMeta(String key, String title, String issnPrint, String issnElectronic, String publisher) {
        this(key, title, issnPrint, issnElectronic, publisher, Map.of());
    }
}
