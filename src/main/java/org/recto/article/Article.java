package org.recto.article;

import java.util.List;

/**
 * One article as a publisher delivered it: everything the landing page, the full text and the
 * machine interfaces need. Text that may carry inline markup ({@code *Html} fields) is a fragment of
 * safe HTML made by the JATS reader from its own small vocabulary (i, b, sup, sub, span, a, …); the
 * site sanitises it once more before it reaches a page.
 */
public record Article(
        String doi,
        String articleType,
        String language,
        JournalMeta journal,
        List<ArticleId> ids,
        String titleHtml,
        String subtitleHtml,
        List<Contributor> contributors,
        List<Affiliation> affiliations,
        List<AuthorNote> authorNotes,
        List<PubDate> pubDates,
        String volume,
        String issue,
        String firstPage,
        String lastPage,
        String elocationId,
        Permissions permissions,
        List<Abstract> abstracts,
        List<KeywordGroup> keywordGroups,
        List<SubjectGroup> subjectGroups,
        List<RelatedArticle> relatedArticles,
        Body body,
        BackMatter back) {

    public Article {
        ids = List.copyOf(ids);
        contributors = List.copyOf(contributors);
        affiliations = List.copyOf(affiliations);
        authorNotes = List.copyOf(authorNotes);
        pubDates = List.copyOf(pubDates);
        abstracts = List.copyOf(abstracts);
        keywordGroups = List.copyOf(keywordGroups);
        subjectGroups = List.copyOf(subjectGroups);
        relatedArticles = List.copyOf(relatedArticles);
    }

    /** The title as plain text, for meta tags, feeds and sorting. */
    public String titleText() {
        return Html.toText(titleHtml);
    }

    public List<Contributor> authors() {
        return contributors.stream().filter(c -> "author".equals(c.role())).toList();
    }

    /** The first electronic date, else the first print date, else any date. */
    public PubDate publicationDate() {
        return pubDates.stream().filter(PubDate::isElectronic).findFirst()
                .or(() -> pubDates.stream().filter(PubDate::isPrint).findFirst())
                .or(() -> pubDates.stream().findFirst())
                .orElse(null);
    }
}
