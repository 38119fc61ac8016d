package org.recto.formats.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.recto.article.Abstract;
import org.recto.article.Article;
import org.recto.article.BackMatter;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.KeywordGroup;
import org.recto.article.Note;
import org.recto.article.PubDate;
import org.recto.article.Reference;
import org.recto.article.StoredArticle;

/**
 * The article as one self-contained document, the common source of the PDF and the EPUB: a first page
 * (journal, title, authors, DOI, licence, notices), the abstracts, the body as the full-text page has it,
 * acknowledgements, appendices, notes and references. Content comes from the JATS reader's small
 * vocabulary and is cleaned once more against an allow-list; nothing in it points outside the document
 * except hyperlinks, so neither renderer ever fetches anything.
 */
final class PrintEdition {

    static final String[] MATHML = {"math", "mi", "mn", "mo", "ms", "mtext", "mrow", "msub", "msup", "msubsup",
            "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mspace", "mstyle",
            "mpadded", "mphantom", "menclose", "mfenced", "merror", "mmultiscripts", "mprescripts", "none", "mlabeledtr",
            "maligngroup", "malignmark", "mstack", "msrow", "msline", "mscarries", "mscarry", "mlongdiv"};

    /** The token elements, whose mathvariant says, for one, that a "d" is upright. */
    private static final String[] MATH_TOKENS = {"mi", "mn", "mo", "mtext", "ms", "mstyle"};

    private static final Safelist SAFE = withMathVariants(Safelist.none()
            .addTags("p", "br", "i", "b", "em", "strong", "sup", "sub", "u", "code", "span", "a", "ul", "ol", "li",
                    "section", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "table", "caption", "thead", "tbody",
                    "tfoot", "tr", "th", "td", "col", "colgroup", "blockquote", "pre", "dl", "dt", "dd", "div",
                    "img", "hr", "small", "abbr", "cite", "q", "s", "del", "ins", "var", "kbd", "samp")
            .addTags(MATHML)
            .addAttributes(":all", "id", "class", "lang")
            .addAttributes("a", "href")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("ol", "start")
            .addAttributes("img", "src", "alt")
            .addAttributes("math", "display")
            // The presentational attributes the JATS reader keeps, each only where MathML 3 allows it (EPUBCheck).
            .addAttributes("mo", "stretchy", "fence", "separator", "largeop", "movablelimits", "accent", "lspace", "rspace", "form")
            .addAttributes("mfrac", "linethickness")
            .addAttributes("mover", "accent")
            .addAttributes("munder", "accentunder")
            .addAttributes("munderover", "accent", "accentunder")
            .addAttributes("mtable", "columnalign", "rowalign")
            .addAttributes("mtr", "columnalign", "rowalign")
            .addAttributes("mtd", "columnalign", "rowalign", "columnspan", "rowspan")
            .addAttributes("mfenced", "open", "close", "separators")
            .addAttributes("menclose", "notation"))
            .addProtocols("a", "href", "http", "https", "mailto", "#");

    private PrintEdition() {
    }

    /** The document; {@code notices} are plain-text lines for the first page (a correction, a retraction). */
    static Document of(StoredArticle stored, List<String> notices) {
        Article a = stored.article();
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        Element html = doc.selectFirst("html");
        html.attr("lang", a.language() == null || a.language().isBlank() ? "en" : a.language());
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("title").text(a.titleText());
        meta(head, "author", a.authors().stream().map(Contributor::displayName).collect(Collectors.joining("; ")));
        meta(head, "subject", subject(a));
        meta(head, "description", a.abstracts().stream().filter(x -> x.type() == null).findFirst()
                .map(x -> Html.toText(x.html())).orElse(""));
        meta(head, "keywords", a.keywordGroups().stream().map(KeywordGroup::keywords).flatMap(List::stream)
                .collect(Collectors.joining(", ")));
        Element body = doc.body();
        firstPage(body.appendElement("header").addClass("first-page"), a, stored.version(), notices);
        for (Abstract x : a.abstracts()) {
            Element s = body.appendElement("section").addClass("abstract");
            s.appendElement("h2").text(abstractHeading(x));
            append(s, x.html());
        }
        append(body.appendElement("div").addClass("body-text"), a.body().html());
        backMatter(body, a.back());
        return doc;
    }

    /** The journal line: journal, volume, issue, pages, year. */
    static String subject(Article a) {
        StringBuilder s = new StringBuilder(a.journal().title() == null ? "" : a.journal().title());
        if (a.volume() != null) {
            s.append(", vol. ").append(a.volume());
        }
        if (a.issue() != null) {
            s.append(", no. ").append(a.issue());
        }
        String pages = a.firstPage() == null ? a.elocationId()
                : a.lastPage() == null || a.lastPage().equals(a.firstPage()) ? a.firstPage() : a.firstPage() + "–" + a.lastPage();
        if (pages != null) {
            s.append(", ").append(a.firstPage() == null ? pages : "pp. " + pages);
        }
        PubDate date = a.publicationDate();
        if (date != null && date.year() != null) {
            s.append(" (").append(date.year()).append(')');
        }
        return s.toString();
    }

    private static void firstPage(Element header, Article a, int version, List<String> notices) {
        header.appendElement("p").addClass("journal").text(subject(a));
        Element title = header.appendElement("h1");
        append(title, a.titleHtml());
        if (a.subtitleHtml() != null && !a.subtitleHtml().isBlank()) {
            append(header.appendElement("p").addClass("subtitle"), a.subtitleHtml());
        }
        if (!a.authors().isEmpty()) {
            header.appendElement("p").addClass("authors")
                    .text(a.authors().stream().map(Contributor::displayName).collect(Collectors.joining(", ")));
        }
        if (!a.affiliations().isEmpty()) {
            Element list = header.appendElement("ul").addClass("affiliations");
            a.affiliations().forEach(f -> list.appendElement("li")
                    .text((f.label() == null || f.label().isBlank() ? "" : f.label() + " ") + (f.text() == null ? "" : f.text())));
        }
        for (String notice : notices) {
            header.appendElement("p").addClass("notice").text(notice);
        }
        Element doi = header.appendElement("p").addClass("doi");
        doi.appendText("DOI: ");
        doi.appendElement("a").attr("href", "https://doi.org/" + a.doi()).text("https://doi.org/" + a.doi());
        if (version > 1) {
            doi.appendText(" (version " + version + ")");
        }
        if (a.permissions() != null) {
            Element licence = header.appendElement("div").addClass("licence");
            String copyright = a.permissions().copyrightStatement();
            if (copyright != null && !copyright.isBlank()) {
                licence.appendElement("p").text(copyright);
            }
            if (a.permissions().licenseHtml() != null && !a.permissions().licenseHtml().isBlank()) {
                append(licence.appendElement("div"), a.permissions().licenseHtml());
            } else if (a.permissions().licenseUrl() != null) {
                Element p = licence.appendElement("p").text("Licence: ");
                p.appendElement("a").attr("href", a.permissions().licenseUrl()).text(a.permissions().licenseUrl());
            }
        }
    }

    private static void backMatter(Element body, BackMatter back) {
        if (back.acknowledgementsHtml() != null && !back.acknowledgementsHtml().isBlank()) {
            Element s = body.appendElement("section").addClass("acknowledgements");
            s.appendElement("h2").text("Acknowledgements");
            append(s, back.acknowledgementsHtml());
        }
        for (BackMatter.Appendix app : back.appendices()) {
            Element s = body.appendElement("section").addClass("appendix").attr("id", app.id() == null ? "" : app.id());
            if (app.titleHtml() != null && !app.titleHtml().isBlank()) {
                append(s.appendElement("h2"), app.titleHtml());
            }
            append(s, app.html());
        }
        if (!back.notes().isEmpty()) {
            Element s = body.appendElement("section").addClass("notes");
            s.appendElement("h2").text("Notes");
            Element list = s.appendElement("ol").addClass("note-list");
            for (Note n : back.notes()) {
                Element li = list.appendElement("li").addClass("note").attr("id", n.id() == null ? "" : n.id());
                li.appendElement("span").addClass("label").text(n.label() == null ? "" : n.label());
                li.appendText(" ");
                append(li.appendElement("div").addClass("note-text"), n.html());
            }
        }
        if (!back.references().isEmpty()) {
            Element s = body.appendElement("section").addClass("references");
            s.appendElement("h2").text("References");
            Element list = s.appendElement("ol").addClass("reference-list");
            for (Reference r : back.references()) {
                Element li = list.appendElement("li").attr("id", r.id() == null ? "" : r.id());
                if (r.label() != null && !r.label().isBlank()) {
                    li.appendElement("span").addClass("label").text(r.label());
                    li.appendText(" ");
                }
                li.appendText(r.rawText() == null ? "" : r.rawText());
                if (r.doi() != null && (r.rawText() == null || !r.rawText().contains(r.doi()))) {
                    li.appendText(" ");
                    li.appendElement("a").attr("href", "https://doi.org/" + r.doi()).text("https://doi.org/" + r.doi());
                }
            }
        }
        body.select("[id=]").removeAttr("id");
    }

    private static Safelist withMathVariants(Safelist safelist) {
        for (String token : MATH_TOKENS) {
            safelist.addAttributes(token, "mathvariant");
        }
        return safelist;
    }

    /** Appends a cleaned fragment of the model's HTML. */
    static void append(Element parent, String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return;
        }
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(fragment));
        for (var node : List.copyOf(clean.body().childNodes())) {
            parent.appendChild(node);
        }
    }

    private static void meta(Element head, String name, String content) {
        if (content != null && !content.isBlank()) {
            head.appendElement("meta").attr("name", name).attr("content", content);
        }
    }

    private static String abstractHeading(Abstract x) {
        if (x.title() != null && !x.title().isBlank()) {
            return x.title();
        }
        if (x.type() == null || x.type().isBlank()) {
            return "Abstract";
        }
        String t = x.type().replace('-', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
