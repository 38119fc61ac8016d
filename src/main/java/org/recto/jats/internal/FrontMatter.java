package org.recto.jats.internal;

import java.util.List;

import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.ArticleId;
import org.recto.article.JournalMeta;
import org.recto.article.KeywordGroup;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;
import org.recto.article.SubjectGroup;

/**
 * What the front matter of a document says: the journal and the article's metadata. The DOI is as
 * the file gives it (null when there is none) and the line of article-meta is kept for saying so.
 */
record FrontMatter(
        JournalMeta journal,
        List<ArticleId> ids,
        String doi,
        int articleMetaLine,
        String titleHtml,
        String subtitleHtml,
        List<ContributorDraft> contributors,
        List<Affiliation> affiliations,
        AuthorNotesReader.AuthorNotes authorNotes,
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
        List<RelatedArticle> relatedArticles) {
}
