package org.recto.article;

import java.util.List;

/** What a list, a report or a feed needs to know of an article's current version. */
public record ArticleSummary(
        String doi,
        String articleType,
        String titleHtml,
        List<String> authorNames,
        JournalMeta journal,
        String volume,
        String issue,
        String firstPage,
        String lastPage,
        String elocationId,
        PubDate publicationDate,
        int version) {

    public ArticleSummary {
        authorNames = List.copyOf(authorNames);
    }

    public String titleText() {
        return Html.toText(titleHtml);
    }
}
