package org.recto.discovery.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.discovery.internal.SearchQuery;
import org.springframework.web.util.UriUtils;

/** The search page's links: a facet value toggled, another order, another page; everything else kept. */
public final class SearchLinks {

    static final List<String> FACETS = List.of("journal", "year", "type", "subject", "licence");
    private static final Map<String, String> HEADINGS = Map.of("journal", "Journal", "year", "Year",
            "type", "Article type", "subject", "Subject", "licence", "Licence");

    private final SearchQuery query;

    SearchLinks(SearchQuery query) {
        this.query = query;
    }

    public String heading(String dim) {
        return HEADINGS.getOrDefault(dim, dim);
    }

    /** The search with this facet value added, or removed if it is chosen; back to the first page. */
    public String toggle(String dim, String value) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        query.filters().forEach((k, v) -> filters.put(k, new ArrayList<>(v)));
        List<String> values = filters.computeIfAbsent(dim, k -> new ArrayList<>());
        if (!values.remove(value)) {
            values.add(value);
        }
        return href(filters, query.sort(), 1);
    }

    public String sorted(SearchQuery.Sort sort) {
        return href(query.filters(), sort, 1);
    }

    public String page(int page) {
        return href(query.filters(), query.sort(), page);
    }

    /** The landing page of an article. */
    public static String article(String doi) {
        return "/doi/" + UriUtils.encodePath(doi, StandardCharsets.UTF_8);
    }

    /** A search for a phrase (the concepts' links). */
    public static String phrase(String phrase) {
        return "/search?q=" + encode("\"" + phrase.replace("\"", "") + "\"");
    }

    private String href(Map<String, List<String>> filters, SearchQuery.Sort sort, int page) {
        StringBuilder s = new StringBuilder("/search?q=").append(encode(query.text()));
        filters.forEach((dim, values) -> values.forEach(v -> s.append('&').append(dim).append('=').append(encode(v))));
        if (sort == SearchQuery.Sort.DATE) {
            s.append("&sort=date");
        }
        if (page > 1) {
            s.append("&page=").append(page);
        }
        return s.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
