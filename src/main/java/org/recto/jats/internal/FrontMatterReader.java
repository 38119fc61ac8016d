package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;

import org.recto.article.Abstract;
import org.recto.article.ArticleId;
import org.recto.article.JournalMeta;
import org.recto.article.KeywordGroup;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;
import org.recto.article.SubjectGroup;

/**
 * Reads the front matter (journal-meta and article-meta) into a {@link FrontMatter}. Where the file
 * repeats an element that the article has once (a title, a volume), the first one counts. Contributors
 * and affiliations have a reader of their own ({@link ContributorsReader}), so do author notes,
 * dates, permissions and abstracts. One instance per document.
 */
final class FrontMatterReader {

    private final XmlCursor x;
    private final HtmlRenderer html;
    private final ContributorsReader contributors;
    private final AuthorNotesReader authorNotes;

    private JournalMeta journal;
    private final List<ArticleId> ids = new ArrayList<>();
    private String doi;
    private int articleMetaLine;
    private String titleHtml;
    private String subtitleHtml;
    private final List<PubDate> pubDates = new ArrayList<>();
    private String volume;
    private String issue;
    private String firstPage;
    private String lastPage;
    private String elocationId;
    private Permissions permissions = Permissions.NONE;
    private final List<Abstract> abstracts = new ArrayList<>();
    private final List<KeywordGroup> keywordGroups = new ArrayList<>();
    private final List<SubjectGroup> subjectGroups = new ArrayList<>();
    private final List<RelatedArticle> relatedArticles = new ArrayList<>();

    FrontMatterReader(XmlCursor x, HtmlRenderer html) {
        this.x = x;
        this.html = html;
        this.contributors = new ContributorsReader(x);
        this.authorNotes = new AuthorNotesReader(x, html);
    }

    /** Reads the current front element. */
    void read() {
        x.forEachElement(name -> {
            switch (name) {
                case "journal-meta" -> journal = JournalMetaReader.read(x);
                case "article-meta" -> articleMeta();
                default -> x.skip();
            }
        });
    }

    FrontMatter result() {
        return new FrontMatter(journal, ids, doi, articleMetaLine, titleHtml, subtitleHtml,
                contributors.contributors(), contributors.affiliations(), authorNotes.result(), pubDates, volume,
                issue, firstPage, lastPage, elocationId, permissions, abstracts, keywordGroups, subjectGroups,
                relatedArticles);
    }

    private void articleMeta() {
        if (articleMetaLine == 0) {
            articleMetaLine = x.line();
        }
        x.forEachElement(name -> {
            switch (name) {
                case "article-id" -> articleId();
                case "article-categories" -> x.forEachElement(child -> {
                    if (child.equals("subj-group")) {
                        String type = x.attr("subj-group-type");
                        List<String> subjects = new ArrayList<>();
                        subjects(subjects);
                        subjectGroups.add(new SubjectGroup(type, subjects));
                    } else {
                        x.skip();
                    }
                });
                case "title-group" -> titleGroup();
                case "contrib-group" -> contributors.contribGroup();
                case "aff" -> contributors.affiliation();
                case "aff-alternatives" -> contributors.affiliationAlternatives();
                case "author-notes" -> authorNotes.read();
                case "pub-date" -> pubDates.add(PubDateReader.read(x));
                case "volume" -> volume = first(volume);
                case "issue" -> issue = first(issue);
                case "fpage" -> firstPage = first(firstPage);
                case "lpage" -> lastPage = first(lastPage);
                case "elocation-id" -> elocationId = first(elocationId);
                case "permissions" -> permissions = PermissionsReader.read(x, html, permissions);
                case "related-article" -> relatedArticles.add(relatedArticle());
                case "abstract" -> abstracts.add(AbstractReader.read(x, html));
                case "kwd-group" -> keywordGroups.add(keywordGroup());
                default -> x.skip();
            }
        });
    }

    private void articleId() {
        String type = x.attr("pub-id-type");
        String v = x.text();
        if ("doi".equalsIgnoreCase(type)) {
            v = Text.doi(v);
            if (doi == null && v != null) {
                doi = v;
            }
        }
        if (v != null && !v.isEmpty()) {
            ids.add(new ArticleId(type, v));
        }
    }

    /** The text of the current element when {@code current} is null; else skips it and keeps {@code current}. */
    private String first(String current) {
        if (current != null) {
            x.skip();
            return current;
        }
        return Text.blankToNull(x.text());
    }

    private void subjects(List<String> into) {
        x.forEachElement(name -> {
            switch (name) {
                case "subject", "compound-subject" -> {
                    String s = x.text();
                    if (!s.isEmpty()) {
                        into.add(s);
                    }
                }
                case "subj-group" -> subjects(into);
                default -> x.skip();
            }
        });
    }

    private void titleGroup() {
        x.forEachElement(name -> {
            switch (name) {
                case "article-title" -> {
                    if (titleHtml == null) {
                        titleHtml = html.inline();
                    } else {
                        x.skip();
                    }
                }
                case "subtitle" -> {
                    if (subtitleHtml == null) {
                        subtitleHtml = Text.blankToNull(html.inline());
                    } else {
                        x.skip();
                    }
                }
                default -> x.skip();
            }
        });
    }

    private RelatedArticle relatedArticle() {
        String type = Text.blankToNull(x.attr("related-article-type"));
        String href = Text.blankToNull(x.attr("href"));
        String linkType = Text.blankToNull(x.attr("ext-link-type"));
        x.skip();
        String target = null;
        if (href != null) {
            String d = Text.doi(href);
            // a DOI when the link says so (ext-link-type="doi") or when the target is one behind a resolver prefix
            if (Text.looksLikeDoi(d)) {
                target = d;
            }
        }
        return new RelatedArticle(type, target, href == null ? null : href.strip(), linkType);
    }

    private KeywordGroup keywordGroup() {
        String type = Text.blankToNull(x.attr("kwd-group-type"));
        String[] title = {null};
        List<String> keywords = new ArrayList<>();
        x.forEachElement(name -> {
            switch (name) {
                case "title" -> title[0] = title[0] == null ? Text.blankToNull(x.text()) : x.skipKeeping(title[0]);
                case "kwd", "compound-kwd" -> keyword(keywords);
                case "nested-kwd" -> x.forEachElement(nested -> keyword(keywords));
                default -> x.skip();
            }
        });
        return new KeywordGroup(type, title[0], keywords);
    }

    private void keyword(List<String> keywords) {
        String k = x.text();
        if (!k.isEmpty()) {
            keywords.add(k);
        }
    }
}
