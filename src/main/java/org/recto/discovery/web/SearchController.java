package org.recto.discovery.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.discovery.internal.RefusedQuery;
import org.recto.discovery.internal.SearchQuery;
import org.recto.discovery.internal.SearchResults;
import org.recto.discovery.internal.SearchService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /search?q=} (the page) and {@code GET /api/v1/search?q=} (JSON): the same search, two forms. */
@Controller
class SearchController {

    private static final int PAGE_SIZE = 20;

    private final SearchService search;
    private final SearchCounter counter;

    SearchController(SearchService search, SearchCounter counter) {
        this.search = search;
        this.counter = counter;
    }

    @GetMapping("/search")
    String page(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        SearchQuery query = query(params, PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("links", new SearchLinks(query));
        try {
            SearchResults results = search.search(query);
            counter.searched(query, request);
            model.addAttribute("results", results);
        } catch (RefusedQuery refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refused", refused.getMessage());
        }
        return "discovery/search";
    }

    @GetMapping("/api/v1/search")
    ResponseEntity<?> api(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        SearchQuery query = query(params, parseInt(params.getFirst("size"), PAGE_SIZE));
        try {
            SearchResults results = search.search(query);
            counter.searched(query, request);
            return ResponseEntity.ok(SearchJson.of(results));
        } catch (RefusedQuery refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
            problem.setTitle("This search cannot be run");
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    static SearchQuery query(MultiValueMap<String, String> params, int size) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dim : SearchLinks.FACETS) {
            List<String> values = params.getOrDefault(dim, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank() && v.length() <= 300).distinct().limit(20).toList();
            if (!values.isEmpty()) {
                filters.put(dim, values);
            }
        }
        SearchQuery.Sort sort = "date".equals(params.getFirst("sort")) ? SearchQuery.Sort.DATE : SearchQuery.Sort.RELEVANCE;
        String q = params.getFirst("q");
        return new SearchQuery(q, filters, sort, parseInt(params.getFirst("page"), 1), size);
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * The JSON answer: {@code total}, {@code results} and {@code facets}, with the paging that produced them;
     * {@code approximate} is true when the total and the facet counts are estimates (a search with many thousands of
     * matches, counted in a sample of the index and rounded to two significant digits).
     */
    record SearchJson(String query, long total, boolean approximate, int page, int size, int pages, String sort, String note,
                      boolean timedOut, List<SearchResults.Hit> results,
                      Map<String, List<SearchResults.FacetCount>> facets) {

        static SearchJson of(SearchResults r) {
            return new SearchJson(r.query().text(), r.total(), r.approximate(), r.query().page(), r.query().size(), r.pages(),
                    r.query().sort().name().toLowerCase(java.util.Locale.ROOT), r.note(), r.timedOut(), r.results(),
                    r.facets());
        }
    }
}
