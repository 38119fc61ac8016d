package org.recto.site.web;

import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recto.article.Html;
import org.recto.references.ArticleCitations;
import org.recto.references.Citation;
import org.recto.references.Field;
import org.recto.references.LinkedReference;
import org.recto.references.ResolvedNote;

/**
 * Renders parsed notes and references as HTML: every field in a styled span, DOIs and URLs as links,
 * works on this platform linked to their pages, and each back-reference ("Ibid.", a short form)
 * linked to the note that holds the full reference, which it also shows on hover and focus. The
 * words are the note's own; only markup is added around them.
 */
final class CitationHtml {

    private static final Pattern LINKABLE = Pattern.compile("(https?://[^\\s<>\"{}|\\\\^`]+[^\\s<>\"{}|\\\\^`.,;:)\\]'’”])"
            + "|\\b(10\\.\\d{4,9}/[^\\s<>\"]+[^\\s<>\".,;:)\\]'’”])");

    private final ArticleCitations cited;
    private final Map<String, String> noteAnchors;
    private final Map<String, ResolvedNote> notesByLabel = new HashMap<>();
    private final String platformName;

    CitationHtml(ArticleCitations cited, Map<String, String> noteAnchors, String platformName) {
        this.cited = cited;
        this.noteAnchors = noteAnchors;
        this.platformName = platformName;
        cited.notes().forEach(n -> notesByLabel.putIfAbsent(n.label(), n));
    }

    /** A note's HTML, or null when the note has no citations (its own HTML is then shown). */
    String note(ResolvedNote note, String text) {
        if (note.citations().isEmpty() || text == null) {
            return null;
        }
        StringBuilder html = new StringBuilder("<p>");
        int at = 0;
        List<Citation> citations = new ArrayList<>(note.citations());
        citations.sort(Comparator.comparingInt(Citation::start));
        for (int i = 0; i < citations.size(); i++) {
            Citation c = citations.get(i);
            if (c.start() < at || c.end() > text.length()) {
                continue;
            }
            linkified(html, text.substring(at, c.start()));
            if (c.resolvesTo() != null) {
                backReference(html, note, i, c);
            } else {
                html.append("<span class=\"citation\">");
                fields(html, c.text(), shifted(c));
                html.append("</span>");
                platformLink(html, c.doi());
            }
            at = c.end();
        }
        linkified(html, text.substring(at));
        return html.append("</p>").toString();
    }

    /** A reference of the reference list, in the same style. */
    String reference(LinkedReference r) {
        StringBuilder html = new StringBuilder("<span class=\"citation\">");
        fields(html, r.rawText(), r.parsed().fields());
        html.append("</span>");
        // The DOI link is added only when the reference's text does not already show the DOI (PLOS writes
        // "doi:10.…" in a comment, which the parser need not label as the doi field).
        if (r.doi() != null && r.parsed().fields("doi").isEmpty()
                && !r.rawText().toLowerCase(Locale.ROOT).contains(r.doi().toLowerCase(Locale.ROOT))) {
            html.append(" <a class=\"ref-link\" href=\"").append(Html.escape(Paths.doiOrg(r.doi()))).append("\">doi:")
                    .append(Html.escape(r.doi())).append("</a>");
        }
        if (r.platformDoi() != null) {
            html.append(" <a class=\"on-platform\" href=\"").append(Html.escape(Paths.article(r.platformDoi())))
                    .append("\">Read on ").append(Html.escape(platformName)).append("</a>");
        }
        return html.toString();
    }

    private void backReference(StringBuilder html, ResolvedNote note, int index, Citation c) {
        String anchor = noteAnchors.get(c.resolvesTo());
        String tipId = "tip-" + ArticlePageFactory.anchor("", note.label()).substring(1) + "-" + index;
        Citation full = fullCitation(c);
        html.append("<span class=\"backref\">");
        if (anchor != null) {
            html.append("<a href=\"#").append(anchor).append("\" aria-describedby=\"").append(tipId).append("\">")
                    .append(Html.escape(c.text())).append("</a>");
        } else {
            html.append(Html.escape(c.text()));
        }
        html.append("<span class=\"backref-tip\" role=\"tooltip\" id=\"").append(tipId).append("\">")
                .append("Note ").append(Html.escape(c.resolvesTo())).append(": ")
                .append(Html.escape(full == null ? "" : full.text()))
                .append(c.pages() == null ? "" : " (here " + Html.escape(c.pages()) + ")")
                .append("</span></span>");
    }

    /** The full citation a back-reference stands for. */
    private Citation fullCitation(Citation c) {
        ResolvedNote target = notesByLabel.get(c.resolvesTo());
        if (target == null || target.citations().isEmpty()) {
            return null;
        }
        int i = c.resolvesToCitation() == null ? 0 : c.resolvesToCitation();
        return target.citations().get(Math.min(Math.max(i, 0), target.citations().size() - 1));
    }

    private void platformLink(StringBuilder html, String doi) {
        if (doi != null && cited.isOnPlatform(doi)) {
            html.append(" <a class=\"on-platform\" href=\"").append(Html.escape(Paths.article(doi)))
                    .append("\">Read on ").append(Html.escape(platformName)).append("</a>");
        }
    }

    private static List<Field> shifted(Citation c) {
        return c.fields().stream()
                .filter(f -> f.start() >= c.start() && f.end() <= c.end())
                .map(f -> new Field(f.label(), f.text(), f.start() - c.start(), f.end() - c.start()))
                .toList();
    }

    private static void fields(StringBuilder html, String text, List<Field> fields) {
        int at = 0;
        for (Field f : fields) {
            if (f.start() < at || f.end() > text.length()) {
                continue;
            }
            linkified(html, text.substring(at, f.start()));
            String cls = "cite-" + f.label().replaceAll("[^a-z-]", "");
            switch (f.label()) {
                case "doi" -> link(html, cls, doiHref(f.text()), f.text());
                case "url" -> link(html, cls, urlHref(f.text()), f.text());
                default -> html.append("<span class=\"").append(cls).append("\">").append(Html.escape(f.text())).append("</span>");
            }
            at = f.end();
        }
        linkified(html, text.substring(at));
    }

    private static void link(StringBuilder html, String cls, String href, String text) {
        if (href == null) {
            html.append("<span class=\"").append(cls).append("\">").append(Html.escape(text)).append("</span>");
        } else {
            html.append("<a class=\"").append(cls).append("\" href=\"").append(Html.escape(href)).append("\">")
                    .append(Html.escape(text)).append("</a>");
        }
    }

    /** The URL in a url field, without the sentence's punctuation that the field may have taken in. */
    private static String urlHref(String text) {
        Matcher m = LINKABLE.matcher(text);
        return m.find() && m.group(1) != null ? m.group(1) : null;
    }

    private static String doiHref(String text) {
        Matcher m = Pattern.compile("10\\.\\d{4,9}/\\S+").matcher(text);
        return m.find() ? Paths.doiOrg(m.group().replaceAll("[.,;]+$", "")) : null;
    }

    /** Escapes text, turning the URLs and DOIs in it into links. */
    private static void linkified(StringBuilder html, String text) {
        Matcher m = LINKABLE.matcher(text);
        int at = 0;
        while (m.find()) {
            html.append(Html.escape(text.substring(at, m.start())));
            String href = m.group(1) != null ? m.group(1) : Paths.doiOrg(m.group(2));
            html.append("<a class=\"ref-link\" href=\"").append(Html.escape(href)).append("\">")
                    .append(Html.escape(m.group())).append("</a>");
            at = m.end();
        }
        html.append(Html.escape(text.substring(at)));
    }
}
