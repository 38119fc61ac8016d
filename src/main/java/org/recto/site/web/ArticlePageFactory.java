package org.recto.site.web;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.article.AuthorNote;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.KeywordGroup;
import org.recto.article.Note;
import org.recto.article.PubDate;
import org.recto.article.Reference;
import org.recto.article.RelatedArticle;
import org.recto.article.Relation;
import org.recto.article.StoredArticle;
import org.recto.references.ArticleCitations;
import org.recto.references.Citations;
import org.recto.site.SiteProperties;
import org.recto.site.web.ArticlePage.AbstractView;
import org.recto.site.web.ArticlePage.AffiliationView;
import org.recto.site.web.ArticlePage.AppendixView;
import org.recto.site.web.ArticlePage.AuthorView;
import org.recto.site.web.ArticlePage.CorrespondenceView;
import org.recto.site.web.ArticlePage.DateView;
import org.recto.site.web.ArticlePage.JournalLine;
import org.recto.site.web.ArticlePage.LinkView;
import org.recto.site.web.ArticlePage.Marker;
import org.recto.site.web.ArticlePage.NoteView;
import org.recto.site.web.ArticlePage.NoticeView;
import org.recto.site.web.ArticlePage.ReferenceView;
import org.recto.site.web.ArticlePage.SectionView;
import org.springframework.stereotype.Component;

/** Turns a stored article and its links into the {@link ArticlePage} the templates show. */
@Component
class ArticlePageFactory {

    private static final Map<String, String> TYPE_LABELS = Map.ofEntries(
            Map.entry("research-article", "Research Article"), Map.entry("review-article", "Review Article"),
            Map.entry("article-commentary", "Commentary"), Map.entry("editorial", "Editorial"),
            Map.entry("correction", "Correction"), Map.entry("retraction", "Retraction"),
            Map.entry("partial-retraction", "Partial Retraction"), Map.entry("expression-of-concern", "Expression of Concern"),
            Map.entry("book-review", "Book Review"), Map.entry("letter", "Letter"), Map.entry("discussion", "Discussion"),
            Map.entry("brief-report", "Brief Report"), Map.entry("case-report", "Case Report"),
            Map.entry("addendum", "Addendum"), Map.entry("obituary", "Obituary"), Map.entry("reply", "Reply"));

    private final ArticleCatalog catalog;
    private final SafeHtml safe;
    private final FigureImages figures;
    private final ScholarlyMetadata metadata;
    private final Citations citations;
    private final SiteProperties site;

    ArticlePageFactory(ArticleCatalog catalog, SafeHtml safe, ScholarlyMetadata metadata, Citations citations,
                       SiteProperties site, FigureImages figures) {
        this.figures = figures;
        this.catalog = catalog;
        this.safe = safe;
        this.metadata = metadata;
        this.citations = citations;
        this.site = site;
    }

    /** The fragment with its package images pointed at the version's files. */
    private String placed(StoredArticle stored, String cleanHtml) {
        return figures.place(cleanHtml, stored.article().doi(), stored.version(), stored.isLatest());
    }

    /**
     * The page of an article version. With {@code plainNotes} the notes and references are shown as
     * published, without the parsed styling and links.
     */
    ArticlePage build(StoredArticle stored, boolean plainNotes) {
        return build(stored, plainNotes, true);
    }

    /**
     * As {@link #build(StoredArticle, boolean)}; without {@code withBody} (the landing page) the body is not
     * sanitised into the page ({@code bodyHtml} is then only its sanitised first section's worth: whether there is
     * a full text), which for a 50 MB article is most of the landing page's render.
     */
    ArticlePage build(StoredArticle stored, boolean plainNotes, boolean withBody) {
        Article a = stored.article();
        // Null in the seconds after publishing, before the references module has parsed them: then the
        // notes and references show as published, and the page is prepared again once they are parsed.
        ArticleCitations cited = citations.of(stored).orElse(null);
        String path = Paths.article(a.doi());
        List<AffiliationView> affiliations = affiliations(a);
        Map<String, String> affLabels = new LinkedHashMap<>();
        for (int i = 0; i < a.affiliations().size(); i++) {
            Affiliation f = a.affiliations().get(i);
            affLabels.put(f.id(), affiliations.get(i).label());
        }
        Map<String, AuthorNote> notesById = a.authorNotes().stream()
                .filter(n -> n.id() != null)
                .collect(Collectors.toMap(AuthorNote::id, Function.identity(), (x, y) -> x, LinkedHashMap::new));

        List<AuthorView> authors = a.authors().stream().map(c -> author(c, affLabels, notesById)).toList();
        List<CorrespondenceView> correspondence = a.authorNotes().stream()
                .filter(n -> "corresp".equals(n.kind()))
                .map(n -> new CorrespondenceView(anchor("corresp", n.id()), n.label(), safe.clean(n.html()), n.email()))
                .toList();

        JournalLine journal = journalLine(a);
        List<LinkView> related = new ArrayList<>();
        List<NoticeView> notices = notices(a, related);

        return new ArticlePage(
                a.doi(), path, stored.version(), stored.latestVersion(),
                typeLabel(a.articleType()),
                safe.clean(a.titleHtml()), a.titleText(), safe.clean(a.subtitleHtml()),
                authors, affiliations, notices,
                a.abstracts().stream().map(x -> new AbstractView(abstractHeading(x.type(), x.title()), safe.clean(x.html()))).toList(),
                a.keywordGroups().stream().map(KeywordGroup::keywords).flatMap(List::stream).distinct().toList(),
                a.subjectGroups().stream().flatMap(g -> g.subjects().stream()).distinct().toList(),
                journal, dates(a), Paths.doiOrg(a.doi()),
                a.permissions() == null ? null : copyright(a),
                a.permissions() == null ? null : a.permissions().licenseUrl(),
                a.permissions() == null ? null : safe.clean(a.permissions().licenseHtml()),
                correspondence,
                notes(a, cited, plainNotes),
                references(a, cited, plainNotes),
                citations.citedBy(a.doi()).stream()
                        .map(s -> new LinkView(s.titleText(), Paths.article(s.doi()))).toList(),
                related,
                a.body().sections().stream().map(s -> new SectionView(s.id(), safe.clean(s.titleHtml()), s.depth())).toList(),
                placed(stored, withBody ? safe.clean(a.body().html()) : safe.clean(firstBlock(a.body().html()))),
                safe.clean(a.back().acknowledgementsHtml()),
                a.back().appendices().stream()
                        .map(x -> new AppendixView(x.id(), safe.clean(x.titleHtml()), placed(stored, safe.clean(x.html()))))
                        .toList(),
                metadata.metaTags(a, path, cited),
                metadata.jsonLd(a, path, cited));
    }

    /** The body up to the end of its first top-level element: enough to tell whether it shows anything. */
    private static String firstBlock(String html) {
        if (html == null || html.length() < 4096) {
            return html;
        }
        int end = html.indexOf("</p>");
        return end < 0 || end > 65536 ? html.substring(0, 65536) : html.substring(0, end + 4);
    }

    static String typeLabel(String articleType) {
        return TYPE_LABELS.getOrDefault(articleType == null ? "" : articleType, "Article");
    }

    private AuthorView author(Contributor c, Map<String, String> affLabels, Map<String, AuthorNote> notes) {
        List<Marker> markers = new ArrayList<>();
        for (String id : c.affiliationIds()) {
            String label = affLabels.get(id);
            if (label != null) {
                markers.add(new Marker(label, "#" + anchor("aff", id), "Affiliation " + label));
            }
        }
        for (String id : c.noteIds()) {
            AuthorNote note = notes.get(id);
            if (note != null && note.label() != null && !note.label().isBlank()) {
                boolean corresp = "corresp".equals(note.kind());
                markers.add(new Marker(note.label(), "#" + anchor(corresp ? "corresp" : "author-note", id),
                        corresp ? "Corresponding author" : "Author note " + note.label()));
            }
        }
        return new AuthorView(c.displayName(), c.orcid(), markers, c.corresponding(), c.equalContribution(), c.deceased(),
                c.email());
    }

    private List<AffiliationView> affiliations(Article a) {
        List<AffiliationView> views = new ArrayList<>();
        for (int i = 0; i < a.affiliations().size(); i++) {
            Affiliation f = a.affiliations().get(i);
            String label = f.label() == null || f.label().isBlank() ? String.valueOf(i + 1) : f.label();
            List<LinkView> ids = f.institutionIds().stream()
                    .filter(x -> x.value() != null && x.value().startsWith("https://"))
                    .map(x -> new LinkView(x.type() == null ? x.value() : x.type().toUpperCase(Locale.ROOT), x.value()))
                    .toList();
            views.add(new AffiliationView(anchor("aff", f.id() == null ? label : f.id()), label, f.text(), ids));
        }
        return views;
    }

    /**
     * Notices under the title, from both directions: links this article makes (correction-forward) and
     * links other articles on the platform make to it (a correction's corrected-article), so a notice
     * and its article find each other whichever was imported first.
     */
    private List<NoticeView> notices(Article a, List<LinkView> related) {
        List<Relation> incoming = catalog.relationsTo(a.doi());
        Set<String> dois = new LinkedHashSet<>();
        incoming.forEach(r -> dois.add(r.sourceDoi()));
        a.relatedArticles().stream().map(RelatedArticle::doi).filter(d -> d != null).forEach(dois::add);
        Map<String, ArticleSummary> onPlatform = catalog.summaries(dois).stream()
                .collect(Collectors.toMap(s -> s.doi().toLowerCase(Locale.ROOT), Function.identity(), (x, y) -> x));

        Map<String, NoticeView> notices = new LinkedHashMap<>();
        for (Relation r : incoming) {
            ArticleSummary source = onPlatform.get(r.sourceDoi().toLowerCase(Locale.ROOT));
            String kind = noticeKind(r.type());
            if (kind != null) {
                notices.putIfAbsent(kind + r.sourceDoi().toLowerCase(Locale.ROOT), notice(kind, r.sourceDoi(), source));
            } else if (source != null) {
                related.add(new LinkView(source.titleText(), Paths.article(source.doi())));
            }
        }
        for (RelatedArticle link : a.relatedArticles()) {
            if (link.doi() == null) {
                continue;
            }
            String key = link.doi().toLowerCase(Locale.ROOT);
            ArticleSummary target = onPlatform.get(key);
            String forward = forwardKind(link.type());
            String href = target != null ? Paths.article(target.doi()) : Paths.doiOrg(link.doi());
            String title = target != null ? target.titleText() : "doi:" + link.doi();
            if (forward != null) {
                notices.putIfAbsent(forward + key, notice(forward, link.doi(), target));
            } else if ("corrected-article".equals(link.type())) {
                notices.putIfAbsent("corrects" + key, new NoticeView("corrects", "This is a correction to:", title, href));
            } else if ("retracted-article".equals(link.type())) {
                notices.putIfAbsent("retracts" + key, new NoticeView("retracts", "This notice retracts:", title, href));
            } else if ("object-of-concern".equals(link.type())) {
                notices.putIfAbsent("concerns" + key, new NoticeView("concerns", "This expression of concern is about:", title, href));
            } else if (related.stream().noneMatch(r -> r.href().equals(href))) {
                related.add(new LinkView(title, href));
            }
        }
        return List.copyOf(notices.values());
    }

    private static String noticeKind(String incomingType) {
        return switch (incomingType == null ? "" : incomingType) {
            case "corrected-article" -> "correction";
            case "retracted-article" -> "retraction";
            case "object-of-concern", "expressed-concern" -> "concern";
            default -> null;
        };
    }

    private static String forwardKind(String type) {
        return switch (type == null ? "" : type) {
            case "correction-forward" -> "correction";
            case "retraction-forward" -> "retraction";
            default -> null;
        };
    }

    private static NoticeView notice(String kind, String doi, ArticleSummary onPlatform) {
        String href = onPlatform != null ? Paths.article(onPlatform.doi()) : Paths.doiOrg(doi);
        return switch (kind) {
            case "retraction" -> new NoticeView(kind, "This article has been retracted.", "Read the retraction notice", href);
            case "concern" -> new NoticeView(kind, "An expression of concern has been issued for this article.",
                    "Read the expression of concern", href);
            default -> new NoticeView(kind, "Please note a correction has been issued for this article.",
                    "Read the correction", href);
        };
    }

    private JournalLine journalLine(Article a) {
        String pages = a.firstPage() == null ? a.elocationId()
                : a.lastPage() == null || a.lastPage().equals(a.firstPage()) ? a.firstPage()
                : a.firstPage() + "–" + a.lastPage();
        PubDate date = a.publicationDate();
        String issueHref = (a.volume() == null && a.issue() == null) ? null
                : Paths.issue(a.journal().key(), a.volume(), a.issue());
        String issn = a.journal().issnElectronic() != null ? a.journal().issnElectronic() : a.journal().issnPrint();
        return new JournalLine(a.journal().title(), Paths.journal(a.journal().key()), a.volume(), a.issue(), issueHref,
                pages, date == null || date.year() == null ? null : String.valueOf(date.year()), issn);
    }

    private static List<DateView> dates(Article a) {
        List<DateView> dates = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PubDate d : a.pubDates()) {
            if (d.year() == null) {
                continue;
            }
            String label = d.isElectronic() ? "Published online" : d.isPrint() ? "Issue date"
                    : d.type() == null ? "Published" : capitalise(d.type().replace('-', ' '));
            if (seen.add(label)) {
                dates.add(new DateView(label, d.iso(), display(d)));
            }
        }
        return dates;
    }

    static String display(PubDate d) {
        StringBuilder s = new StringBuilder();
        if (d.day() != null && d.month() != null) {
            s.append(d.day()).append(' ');
        }
        if (d.month() != null && d.month() >= 1 && d.month() <= 12) {
            s.append(Month.of(d.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(' ');
        } else if (d.season() != null) {
            s.append(d.season()).append(' ');
        }
        return s.append(d.year()).toString();
    }

    private static String copyright(Article a) {
        var p = a.permissions();
        if (p.copyrightStatement() != null && !p.copyrightStatement().isBlank()) {
            return p.copyrightStatement();
        }
        if (p.copyrightHolder() != null) {
            return "© " + (p.copyrightYear() == null ? "" : p.copyrightYear() + " ") + p.copyrightHolder();
        }
        return null;
    }

    private List<NoteView> notes(Article a, ArticleCitations cited, boolean plain) {
        List<Note> notes = a.back().notes();
        Map<String, String> anchors = new LinkedHashMap<>();
        notes.forEach(n -> anchors.putIfAbsent(n.label(), noteAnchor(n)));
        boolean aligned = cited != null && cited.notes().size() == notes.size();
        CitationHtml html = aligned ? new CitationHtml(cited, anchors, site.name()) : null;
        List<NoteView> views = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            // Parsed notes are made of the note's own (escaped) words with markup added, so need no cleaning.
            String parsed = plain || !aligned ? null : html.note(cited.notes().get(i), n.text());
            views.add(new NoteView(noteAnchor(n), n.label(), parsed != null ? parsed : safe.clean(n.html())));
        }
        return views;
    }

    private static String noteAnchor(Note n) {
        return anchor("note", n.id() == null ? n.label() : n.id());
    }

    private List<ReferenceView> references(Article a, ArticleCitations cited, boolean plain) {
        List<Reference> refs = a.back().references();
        boolean aligned = cited != null && cited.references().size() == refs.size();
        CitationHtml html = aligned ? new CitationHtml(cited, Map.of(), site.name()) : null;
        List<ReferenceView> views = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            String body = plain || !aligned ? Html.escape(r.rawText()) : html.reference(cited.references().get(i));
            views.add(new ReferenceView(anchor("ref", r.id() == null ? r.label() : r.id()), r.label(), body));
        }
        return views;
    }

    private static String abstractHeading(String type, String title) {
        if (title != null && !title.isBlank()) {
            return title;
        }
        if (type == null || type.isBlank()) {
            return "Abstract";
        }
        return switch (type) {
            case "plain-language-summary", "summary" -> "Plain language summary";
            case "executive-summary" -> "Executive summary";
            // A table-of-contents blurb ("toc", PLOS) is, to a reader, a short summary like a teaser.
            case "teaser", "toc", "web-summary" -> "In brief";
            case "editor-summary", "editors-summary", "editor" -> "Editors' summary";
            case "key-points" -> "Key points";
            case "short", "abridged" -> "Short abstract";
            case "graphical" -> "Graphical abstract";
            default -> capitalise(type.replace('-', ' '));
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** An HTML id that is safe in a fragment link and cannot collide across kinds. */
    static String anchor(String kind, String id) {
        StringBuilder s = new StringBuilder(kind).append('-');
        String raw = id == null ? "" : id;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            s.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return s.toString();
    }
}
