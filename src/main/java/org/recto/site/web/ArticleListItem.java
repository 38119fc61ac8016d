package org.recto.site.web;

import java.util.List;

/** One article in a list (a table of contents, a journal's latest articles), ready for a template. */
public record ArticleListItem(String href, String titleHtml, List<String> authors, String typeLabel, String pages,
                              String date, String doi) {

    public String authorLine() {
        if (authors.size() <= 6) {
            return String.join(", ", authors);
        }
        return String.join(", ", authors.subList(0, 5)) + " and " + (authors.size() - 5) + " more";
    }
}
