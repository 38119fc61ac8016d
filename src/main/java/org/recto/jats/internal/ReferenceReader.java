package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recto.article.Reference;

/**
 * Reads ref-lists into {@link Reference}s in one pass: the tagged fields of a ref's first citation,
 * and its text as a reader would read it. A mixed citation carries its own punctuation, so its text
 * is used; an element citation has none, so a readable string is composed from its fields.
 */
final class ReferenceReader {

    private final XmlCursor x;
    private final List<Reference> references = new ArrayList<>();
    private final Scratch scratch;

    ReferenceReader(XmlCursor x, Scratch scratch) {
        this.x = x;
        this.scratch = scratch;
    }

    List<Reference> references() {
        return references;
    }

    /** The current element is a ref-list: reads its refs and nested ref-lists. */
    void refList() {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "ref" -> references.add(ref());
                case "ref-list" -> refList();
                default -> x.skip();
            }
        }
    }

    private Reference ref() {
        String id = x.attr("id");
        String label = null;
        List<Citation> citations = new ArrayList<>(1);
        List<String> pieces = new ArrayList<>(1); // the raw text of each citation or loose text, in order
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            switch (x.name()) {
                case "label" -> label = Text.normalizeOrNull(x.text());
                case "element-citation", "mixed-citation", "nlm-citation", "citation" -> take(citations, pieces);
                case "citation-alternatives" -> {
                    // the same citation in several forms: the first one serves
                    boolean taken = false;
                    int da = x.depth();
                    while (x.nextChild(da)) {
                        if (x.isText()) {
                            continue;
                        }
                        if (!taken) {
                            take(citations, pieces);
                            taken = true;
                        } else {
                            x.skip();
                        }
                    }
                }
                default -> {
                    String t = x.text();
                    if (!t.isEmpty()) {
                        pieces.add(t);
                    }
                }
            }
        }
        String rawText = rawText(pieces);
        if (citations.isEmpty()) {
            return new Reference(id, label, null, null, rawText, List.of(), null, null, null,
                    null, null, null, null, null, null, null, null, null);
        }
        Citation c = citations.get(0);
        return new Reference(id, label, c.kind, c.publicationType, rawText, c.authors,
                c.title(), c.source, c.year, c.volume, c.issue, c.firstPage(), c.lpage, c.doi, c.pmid, c.url,
                c.publisher, c.publisherLoc);
    }

    /** Reads the current citation element, keeping it and its raw text. */
    private void take(List<Citation> citations, List<String> pieces) {
        Citation c = citation(x.name());
        citations.add(c);
        pieces.add(c.rawText(scratch));
    }

    /** One piece as it is; several joined by spaces, white space normalised; null for no text. */
    private static String rawText(List<String> pieces) {
        if (pieces.size() == 1) {
            String only = pieces.get(0);
            return only == null || only.isEmpty() ? null : only;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            if (p != null && !p.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(p);
            }
        }
        return Text.normalizeOrNull(sb);
    }

    private Citation citation(String kind) {
        Citation c = new Citation(kind, kind.equals("mixed-citation") || kind.equals("citation"));
        c.publicationType = x.attr("publication-type");
        if (c.publicationType == null) {
            c.publicationType = x.attr("citation-type");
        }
        walk(c, null, "author", true);
        return c;
    }

    /**
     * Walks the content of the current element. All text goes into the citation's full text and
     * into {@code buf} (the text of the field being read); fields are picked up at any depth.
     */
    private void walk(Citation c, Out buf, String groupType, boolean top) {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (c.full != null) {
                    x.appendText(c.full);
                    if (top && !c.punctuated && !x.isWhitespace()) {
                        c.punctuated = true;
                    }
                }
                if (buf != null) {
                    x.appendText(buf);
                }
                continue;
            }
            String n = x.name();
            switch (n) {
                case "person-group" -> {
                    String type = x.attr("person-group-type");
                    walk(c, buf, type == null ? "author" : type, false);
                }
                case "name", "string-name" -> person(c, groupType, name(c, buf));
                case "collab" -> person(c, groupType, field(c, buf, groupType));
                case "anonymous" -> {
                    String t = field(c, buf, groupType);
                    person(c, groupType, t.isEmpty() ? "Anonymous" : t);
                }
                case "etal" -> {
                    field(c, buf, groupType);
                    if (groupType.equals("author")) {
                        c.etal = true;
                    } else {
                        c.editorsEtal = true;
                    }
                }
                case "article-title" -> c.articleTitle = first(c.articleTitle, field(c, buf, groupType));
                case "chapter-title", "data-title", "part-title" ->
                        c.chapterTitle = first(c.chapterTitle, field(c, buf, groupType));
                case "source" -> c.source = first(c.source, field(c, buf, groupType));
                case "year" -> c.year = first(c.year, field(c, buf, groupType));
                case "volume" -> c.volume = first(c.volume, field(c, buf, groupType));
                case "issue" -> c.issue = first(c.issue, field(c, buf, groupType));
                case "fpage" -> c.fpage = first(c.fpage, field(c, buf, groupType));
                case "lpage" -> c.lpage = first(c.lpage, field(c, buf, groupType));
                case "elocation-id" -> c.elocation = first(c.elocation, field(c, buf, groupType));
                case "page-range" -> c.pageRange = first(c.pageRange, field(c, buf, groupType));
                case "publisher-name" -> c.publisher = first(c.publisher, field(c, buf, groupType));
                case "publisher-loc" -> c.publisherLoc = first(c.publisherLoc, field(c, buf, groupType));
                case "pub-id", "object-id" -> {
                    String type = x.attr("pub-id-type");
                    String v = field(c, buf, groupType);
                    if ("doi".equalsIgnoreCase(type)) {
                        String doi = Text.doi(v);
                        if (Text.looksLikeDoi(doi)) {
                            c.doi = first(c.doi, doi);
                        }
                    } else if ("pmid".equalsIgnoreCase(type)) {
                        c.pmid = first(c.pmid, v);
                    } else if (top) {
                        c.extras.add(v);
                    }
                }
                case "ext-link", "uri" -> {
                    String href = x.attr("href");
                    String type = x.attr("ext-link-type");
                    String v = field(c, buf, groupType);
                    String target = href != null && !href.isBlank() ? href.strip() : v;
                    String doi = Text.doi(target);
                    if ("doi".equalsIgnoreCase(type) || (!target.equals(doi) && Text.looksLikeDoi(doi))) {
                        if (Text.looksLikeDoi(doi)) {
                            c.doi = first(c.doi, doi);
                        }
                    } else if (!target.isEmpty()) {
                        c.url = first(c.url, target);
                    }
                    if (!top && target.equals(c.url)) {
                        // the link sits inside a comment or the like, whose text already shows it
                        c.urlInExtras = true;
                    }
                }
                default -> {
                    String v = field(c, buf, groupType);
                    if (top && !v.isEmpty()) {
                        c.extras.add(v);
                    }
                }
            }
        }
    }

    private String field(Citation c, Out parent, String groupType) {
        // Reused builders: a reference list makes many small strings.
        Out f = scratch.borrowOut();
        try {
            walk(c, f, groupType, false);
            if (parent != null) {
                parent.append(f);
            }
            return Text.normalize(f);
        } finally {
            scratch.releaseOut();
        }
    }

    /**
     * A name as "Surname GN". Its parts are tagged without spaces between them in mixed citations,
     * so a space is put into the full text where a reader sees one.
     */
    private String name(Citation c, Out buf) {
        String surname = null;
        String given = null;
        String prefix = null;
        String suffix = null;
        StringBuilder other = null;
        int d = x.depth();
        boolean firstPart = true;
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (c.full != null) {
                    x.appendText(c.full);
                }
                if (other == null) {
                    other = new StringBuilder();
                }
                x.appendText(other);
                if (buf != null) {
                    x.appendText(buf);
                }
                continue;
            }
            if (!firstPart) {
                if (c.full != null && !c.full.isEmpty() && !Text.isXmlSpace(c.full.charAt(c.full.length() - 1))) {
                    c.full.append(' ');
                }
                if (buf != null && !buf.isEmpty() && !Text.isXmlSpace(buf.charAt(buf.length() - 1))) {
                    buf.append(' ');
                }
            }
            firstPart = false;
            String n = x.name();
            String v = field(c, buf, "author");
            switch (n) {
                case "surname" -> surname = v;
                case "given-names" -> given = v;
                case "prefix" -> prefix = v;
                case "suffix" -> suffix = v;
                default -> {
                    if (other == null) {
                        other = new StringBuilder();
                    }
                    other.append(' ').append(v);
                }
            }
        }
        if (surname == null && given == null) {
            return other == null ? "" : Text.normalize(other);
        }
        StringBuilder sb = scratch.borrowBuilder();
        try {
            namePart(sb, prefix);
            namePart(sb, surname);
            namePart(sb, given);
            namePart(sb, suffix);
            return sb.toString();
        } finally {
            scratch.releaseBuilder();
        }
    }

    private static void namePart(StringBuilder sb, String part) {
        if (part != null && !part.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(part);
        }
    }

    private static void person(Citation c, String groupType, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (groupType.equals("author")) {
            c.authors.add(name);
        } else if (groupType.equals("editor")) {
            c.editors.add(name);
        } else {
            c.others.add(name);
        }
    }

    private static String first(String current, String value) {
        return current != null || value == null || value.isEmpty() ? current : value;
    }

    /** What one citation element holds. */
    private static final class Citation {
        final String kind;
        /** The whole text, kept for the kinds whose text is their reading (mixed citations); else null. */
        final Out full;
        final List<String> authors = new ArrayList<>();
        final List<String> editors = new ArrayList<>();
        final List<String> others = new ArrayList<>();
        final List<String> extras = new ArrayList<>();
        String publicationType;
        boolean punctuated;
        boolean etal;
        boolean editorsEtal;
        boolean urlInExtras;
        String articleTitle;
        String chapterTitle;
        String source;
        String year;
        String volume;
        String issue;
        String fpage;
        String lpage;
        String elocation;
        String pageRange;
        String publisher;
        String publisherLoc;
        String doi;
        String pmid;
        String url;

        Citation(String kind, boolean keepText) {
            this.kind = kind;
            this.full = keepText ? new Out(256) : null;
        }

        String title() {
            return articleTitle != null ? articleTitle : chapterTitle;
        }

        String firstPage() {
            if (fpage != null) {
                return fpage;
            }
            if (elocation != null) {
                return elocation;
            }
            if (pageRange != null) {
                int dash = indexOfDash(pageRange);
                return (dash > 0 ? pageRange.substring(0, dash) : pageRange).strip();
            }
            return null;
        }

        private static int indexOfDash(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '-' || ch == '\u2013' || ch == '\u2014') {
                    return i;
                }
            }
            return -1;
        }

        String rawText(Scratch scratch) {
            boolean useText = kind.equals("mixed-citation") || (kind.equals("citation") && punctuated);
            if (useText) {
                return Text.normalize(full);
            }
            String composed = compose(scratch);
            return composed.isEmpty() && full != null ? Text.normalize(full) : composed;
        }

        /** "Surname GN, Surname GN. 2012. Title. Source 12:34–56. Place: Publisher. doi:10.…" */
        private String compose(Scratch scratch) {
            StringBuilder sb = scratch.borrowBuilder();
            try {
                return compose(sb);
            } finally {
                scratch.releaseBuilder();
            }
        }

        private String compose(StringBuilder sb) {
            if (!authors.isEmpty() || etal) {
                sentence(sb, join(authors) + (etal ? (authors.isEmpty() ? "et al" : ", et al") : ""));
            }
            if (year != null) {
                sentence(sb, year);
            }
            if (articleTitle != null) {
                sentence(sb, articleTitle);
            }
            if (chapterTitle != null && articleTitle == null) {
                sentence(sb, chapterTitle);
            }
            if (!editors.isEmpty()) {
                sentence(sb, "In: " + join(editors) + (editorsEtal ? ", et al" : "")
                        + (editors.size() == 1 ? ", editor" : ", editors"));
            }
            StringBuilder where = new StringBuilder();
            if (source != null) {
                where.append(source);
            }
            String pages = fpage != null ? (lpage != null && !lpage.equals(fpage) ? fpage + "\u2013" + lpage : fpage)
                    : elocation != null ? elocation : pageRange;
            // eLife tags the "p." of a book's page as a comment of its own: it belongs before the page
            String pagePrefix = null;
            for (int i = 0; i < extras.size() && pages != null; i++) {
                String e = extras.get(i);
                if (e.equalsIgnoreCase("p.") || e.equalsIgnoreCase("pp.") || e.equalsIgnoreCase("p")) {
                    pagePrefix = e;
                    extras.remove(i);
                    break;
                }
            }
            if (pagePrefix != null) {
                pages = pagePrefix + " " + pages;
            }
            if (volume != null) {
                if (!where.isEmpty()) {
                    where.append(' ');
                }
                where.append(volume);
                if (issue != null) {
                    where.append('(').append(issue).append(')');
                }
                if (pages != null) {
                    where.append(':').append(pages);
                }
            } else {
                if (issue != null) {
                    where.append(where.isEmpty() ? "" : " ").append('(').append(issue).append(')');
                }
                if (pages != null) {
                    where.append(where.isEmpty() ? "" : ", ").append(pages);
                }
            }
            if (!where.isEmpty()) {
                sentence(sb, where.toString());
            }
            for (String e : extras) {
                sentence(sb, e);
            }
            if (publisher != null || publisherLoc != null) {
                sentence(sb, publisherLoc != null && publisher != null ? publisherLoc + ": " + publisher
                        : publisher != null ? publisher : publisherLoc);
            }
            // PLOS writes the DOI in a comment ("doi: <ext-link>10.…</ext-link>"), already among the extras.
            boolean doiInExtras = doi != null && extras.stream()
                    .anyMatch(e -> e.toLowerCase(Locale.ROOT).contains(doi.toLowerCase(Locale.ROOT)));
            if (doi != null && !doiInExtras) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append("doi:").append(doi);
            } else if (url != null && !urlInExtras) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(url);
            }
            return sb.toString();
        }

        private static String join(List<String> names) {
            if (names.size() == 1) {
                return names.get(0);
            }
            StringBuilder sb = new StringBuilder(names.size() * 16);
            for (String n : names) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(n);
            }
            return sb.toString();
        }

        private static void sentence(StringBuilder sb, String part) {
            if (part == null || part.isBlank()) {
                return;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(part.strip());
            char last = sb.charAt(sb.length() - 1);
            if (last != '.' && last != '?' && last != '!') {
                sb.append('.');
            }
        }
    }
}
