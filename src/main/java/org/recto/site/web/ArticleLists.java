package org.recto.site.web;

import java.util.List;

import org.recto.article.ArticleSummary;
import org.springframework.stereotype.Component;

/** Makes {@link ArticleListItem}s from catalog summaries. */
@Component
class ArticleLists {

    private final SafeHtml safe;

    ArticleLists(SafeHtml safe) {
        this.safe = safe;
    }

    List<ArticleListItem> items(List<ArticleSummary> summaries) {
        return summaries.stream().map(this::item).toList();
    }

    private ArticleListItem item(ArticleSummary s) {
        String pages = s.firstPage() == null ? s.elocationId()
                : s.lastPage() == null || s.lastPage().equals(s.firstPage()) ? "p. " + s.firstPage()
                : "pp. " + s.firstPage() + "–" + s.lastPage();
        String date = s.publicationDate() == null || s.publicationDate().year() == null ? null
                : ArticlePageFactory.display(s.publicationDate());
        return new ArticleListItem(Paths.article(s.doi()), safe.clean(s.titleHtml()), s.authorNames(),
                ArticlePageFactory.typeLabel(s.articleType()), pages, date, s.doi());
    }
}
