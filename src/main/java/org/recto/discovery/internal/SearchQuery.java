package org.recto.discovery.internal;

import java.util.List;
import java.util.Map;

/**
 * A search as asked: the reader's text, the facet values chosen (dimension to values; values of one dimension are
 * alternatives, dimensions narrow each other), the order, and which page of how many results.
 */
public record SearchQuery(String text, Map<String, List<String>> filters, Sort sort, int page, int size) {

    public static final int MAX_SIZE = 50;
    /** Results past this rank are not paged to: a search that wide should be narrowed instead. */
    public static final int MAX_RANK = 1000;

    public enum Sort { RELEVANCE, DATE }

    public SearchQuery {
        text = text == null ? "" : text;
        filters = Map.copyOf(filters);
        size = Math.max(1, Math.min(MAX_SIZE, size));
        page = Math.max(1, Math.min(page, MAX_RANK / size));
    }

    public boolean isBrowse() {
        return text.isBlank() && filters.isEmpty();
    }
}
