package org.recto.article;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** How the other modules read articles. Every DOI is compared case-insensitively, as DOIs are. */
public interface ArticleCatalog {

    /** The latest version of the article with this DOI. */
    Optional<StoredArticle> find(String doi);

    /** A given version (1-based) of the article with this DOI. */
    Optional<StoredArticle> find(String doi, int version);

    /** The JATS XML the given version was imported from. */
    Optional<byte[]> jatsSource(String doi, int version);

    /** Summaries of the latest versions of these DOIs, in no particular order; unknown DOIs are left out. */
    List<ArticleSummary> summaries(Collection<String> dois);

    /** The DOI of every article in the store, for reports and indexes that walk them all. */
    List<String> allDois();

    /** Every journal, by title. */
    List<Journal> journals();

    Optional<Journal> journal(String key);

    /** The journal's issues, newest first. */
    List<IssueRef> issues(String journalKey);

    /** An issue's articles in page order. */
    List<ArticleSummary> issueContents(String journalKey, String volume, String issue);

    /** The journal's most recently published articles. */
    List<ArticleSummary> latest(String journalKey, int limit);

    /** Links from other articles' latest versions to this DOI (a correction pointing at the article it corrects). */
    List<Relation> relationsTo(String doi);
}
