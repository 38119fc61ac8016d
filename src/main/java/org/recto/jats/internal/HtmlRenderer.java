package org.recto.jats.internal;

import java.util.List;
import java.util.Set;

/**
 * Renders JATS mixed content (body, abstracts, notes, titles, captions) as safe HTML from a small
 * vocabulary of its own, reading the stream once. Nothing of the XML is copied through: every tag
 * and attribute name written here is a constant, attribute values are escaped, links are written
 * only for http(s), mailto and DOI targets, and text is always escaped. So no script, event
 * handler, style or javascript: URL can come out, whatever comes in. Unknown elements keep their
 * text.
 */
final class HtmlRenderer {

    /** What happens to footnotes and reference lists met in the content. */
    enum Mode {
        /** The body: footnotes are rendered in place and also become notes. */
        BODY,
        /** The back matter: footnotes become notes only; reference lists become references. */
        BACK,
        /** Anything else (abstracts, author notes, titles): footnotes are rendered in place. */
        OTHER
    }

    /** Receives what the content holds besides HTML. */
    interface Sink {
        void note(String id, String labelHtml, String html, String fnType);

        /** The current element is a ref-list; read it to its end. */
        void refList();
    }

    /** A section of the body outline, filled in as the stream goes. */
    static final class SectionInfo {
        final String id;
        final int depth;
        String titleHtml = "";

        SectionInfo(String id, int depth) {
            this.id = id;
            this.depth = depth;
        }
    }

    private static final Set<String> MATHML_ELEMENTS = Set.of(
            "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "mstyle",
            "merror", "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover",
            "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr",
            "semantics", "maligngroup", "malignmark", "mstack", "msrow", "msline", "mscarries", "mscarry", "mlongdiv");

    private static final Set<String> MATHML_ATTRIBUTES = Set.of(
            "mathvariant", "mathsize", "display", "displaystyle", "scriptlevel", "stretchy", "symmetric", "fence",
            "separator", "largeop", "movablelimits", "accent", "accentunder", "lspace", "rspace", "minsize",
            "maxsize", "linethickness", "open", "close", "separators", "notation", "columnalign", "rowalign",
            "columnspan", "rowspan", "columnlines", "rowlines", "frame", "width", "height", "depth", "form",
            "align", "bevelled", "numalign", "denomalign", "columnspacing", "rowspacing", "equalrows",
            "equalcolumns", "voffset", "dir");

    private final XmlCursor x;
    private final Sink sink;
    private final Scratch scratch;

    Mode mode = Mode.OTHER;
    /** The body outline while rendering the body; null elsewhere. */
    List<SectionInfo> sections;
    /** Whether figures and tables are counted (the body only). */
    boolean countFloats;
    int figures;
    int tables;
    /** The heading level of a top-level sec (2 in the body, 3 in abstracts and appendices). */
    int headingBase = 2;
    int secDepth;

    private int inlineOnly;
    private int inLink;
    private int tableFoot;
    private boolean pre;
    private int autoId;

    HtmlRenderer(XmlCursor x, Sink sink, Scratch scratch) {
        this.x = x;
        this.sink = sink;
        this.scratch = scratch;
    }

    // ---------------------------------------------------------------- entry points

    /** Renders the children of the current element as block content. */
    void flow(Out out) {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                text(out);
            } else {
                element(out);
            }
        }
    }

    /**
     * Renders the children of an element that holds blocks only (body, boxed-text, quotes, groups):
     * the whitespace between its blocks is layout, not text.
     */
    void flowBlocks(Out out) {
        boolean pendingSpace = false; // whitespace counts only between inline content
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (x.isWhitespace()) {
                    pendingSpace = !out.isEmpty();
                    continue;
                }
                if (pendingSpace) {
                    out.append(' ');
                }
                text(out);
            } else {
                if (pendingSpace && !isBlock(x.name())) {
                    out.append(' ');
                }
                element(out);
            }
            pendingSpace = false;
        }
    }

    /** Renders the children of the current element as inline HTML (titles, labels), trimmed. */
    String inline() {
        Out sb = scratch.borrowOut();
        inlineOnly++;
        try {
            flow(sb);
            return trim(sb);
        } finally {
            inlineOnly--;
            scratch.releaseOut();
        }
    }

    /** Renders the children of the current element as block content into a new string, trimmed. */
    String block() {
        Out sb = scratch.borrowOut();
        try {
            flow(sb);
            return trim(sb);
        } finally {
            scratch.releaseOut();
        }
    }

    /** Renders the current element itself. */
    void element(Out out) {
        String n = x.name();
        if (inlineOnly > 0 && isBlock(n)) {
            space(out);
            if (n.equals("fig") || n.equals("table-wrap") || n.equals("object-id") || n.equals("sec-meta")) {
                x.skip();
            } else {
                flow(out);
            }
            space(out);
            return;
        }
        switch (n) {
            case "p" -> paragraph(out);
            case "sec" -> section(out);
            case "italic" -> wrap(out, "i");
            case "bold" -> wrap(out, "b");
            case "sup" -> wrap(out, "sup");
            case "sub" -> wrap(out, "sub");
            case "sc" -> wrap(out, "span", "sc");
            case "monospace" -> wrap(out, "code");
            case "underline" -> wrap(out, "u");
            case "strike" -> wrap(out, "s");
            case "overline" -> wrap(out, "span", "overline");
            case "xref" -> xref(out);
            case "ext-link" -> extLink(out);
            case "uri" -> uri(out);
            case "email" -> email(out);
            case "inline-formula" -> wrap(out, "span", "inline-formula");
            case "disp-formula" -> displayFormula(out);
            case "tex-math" -> tex(out);
            case "math" -> mathml(out);
            case "alternatives" -> alternatives(out);
            case "break" -> {
                out.append("<br>");
                x.skip();
            }
            case "hr" -> {
                out.append("<hr>");
                x.skip();
            }
            case "list" -> list(out);
            case "list-item" -> wrapBlock(out, "li", null);
            case "fig" -> figureLike(out, "fig", 1);
            case "table-wrap" -> figureLike(out, "table-wrap", 2);
            case "supplementary-material" -> figureLike(out, "supplementary-material", 0);
            case "media" -> figureLike(out, "media", 0);
            case "chem-struct-wrap" -> figureLike(out, "chem-struct", 0);
            case "fig-group" -> wrapBlock(out, "div", "fig-group");
            case "table-wrap-group" -> wrapBlock(out, "div", "table-wrap-group");
            case "disp-formula-group" -> wrapBlock(out, "div", "disp-formula-group");
            case "table" -> table(out);
            case "disp-quote" -> wrapBlock(out, "blockquote", null);
            case "boxed-text" -> wrapBlock(out, "aside", "boxed-text");
            case "statement" -> wrapBlock(out, "div", "statement");
            case "glossary" -> wrapBlock(out, "div", "glossary");
            case "preformat" -> preformatted(out, false);
            case "code" -> preformatted(out, true);
            case "def-list" -> definitionList(out);
            case "fn" -> footnote(out);
            case "fn-group" -> footnoteGroup(out);
            case "ref-list" -> {
                if (mode == Mode.OTHER) {
                    x.skip();
                } else {
                    sink.refList();
                }
            }
            case "graphic", "inline-graphic" -> graphic(out);
            case "label" -> {
                String label = inline();
                if (!label.isEmpty()) {
                    out.append("<span class=\"label\">").append(label).append("</span> ");
                }
            }
            case "title" -> {
                String title = inline();
                if (!title.isEmpty()) {
                    out.append("<p class=\"title\">").append(title).append("</p>");
                }
            }
            case "caption" -> wrapBlock(out, "div", "caption");
            case "attrib" -> {
                String a = inline();
                if (!a.isEmpty()) {
                    out.append("<p class=\"attrib\">").append(a).append("</p>");
                }
            }
            case "object-id", "sec-meta", "alt-text", "long-desc", "col", "colgroup", "sub-article", "response",
                 "kwd-group", "processing-meta" -> x.skip();
            default -> flow(out);
        }
    }

    // ---------------------------------------------------------------- text and inline

    void text(Out out) {
        x.appendEscaped(out, !pre);
    }

    private void wrap(Out out, String tag) {
        out.append('<').append(tag).append('>');
        flow(out);
        out.append("</").append(tag).append('>');
    }

    private void wrap(Out out, String tag, String cssClass) {
        out.append('<').append(tag).append(" class=\"").append(cssClass).append("\">");
        flow(out);
        out.append("</").append(tag).append('>');
    }

    private void wrapBlock(Out out, String tag, String cssClass) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        id(out, x.attr("id"));
        out.append('>');
        if (tag.equals("li") || cssClass != null && cssClass.equals("disp-formula-group")) {
            flow(out); // may hold text and inline markup directly
        } else {
            flowBlocks(out);
        }
        trimEnd(out);
        out.append("</").append(tag).append('>');
    }

    private void xref(Out out) {
        String rid = firstToken(x.attr("rid"));
        if (rid == null || inLink > 0) {
            flow(out);
            return;
        }
        out.append("<a href=\"#");
        Text.escapeAttr(out, rid);
        out.append("\">");
        inLink++;
        try {
            flow(out);
        } finally {
            inLink--;
        }
        out.append("</a>");
    }

    private void extLink(Out out) {
        String href = x.attr("href");
        String safe = inLink > 0 ? null : Text.safeHref(href, x.attr("ext-link-type"));
        if (safe == null) {
            flow(out);
            return;
        }
        link(out, safe, href);
    }

    private void link(Out out, String safe, String shownIfEmpty) {
        out.append("<a href=\"");
        Text.escapeAttr(out, safe);
        out.append("\">");
        int contentStart = out.length();
        inLink++;
        try {
            flow(out);
        } finally {
            inLink--;
        }
        if (out.length() == contentStart && shownIfEmpty != null) {
            Text.escape(out, shownIfEmpty.strip());
        }
        out.append("</a>");
    }

    private void uri(Out out) {
        String href = x.attr("href");
        if (href != null) {
            String safe = inLink > 0 ? null : Text.safeHref(href, null);
            if (safe == null) {
                flow(out);
            } else {
                link(out, safe, href);
            }
            return;
        }
        String text = x.text();
        String safe = inLink > 0 ? null : Text.safeHref(text, null);
        linkOrText(out, safe, text);
    }

    private void email(Out out) {
        String text = x.text();
        linkOrText(out, inLink == 0 && isEmail(text) ? "mailto:" + text : null, text);
    }

    /** The text as a link to {@code href} (already known safe), or as plain text when there is none. */
    static void linkOrText(Out out, String href, String text) {
        if (href != null) {
            out.append("<a href=\"");
            Text.escapeAttr(out, href);
            out.append("\">");
            Text.escape(out, text);
            out.append("</a>");
        } else {
            Text.escape(out, text);
        }
    }

    static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '(' || c == ')' || c == ':'
                    || c == ';' || c == ',' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private void graphic(Out out) {
        String src = Text.safeImageSrc(x.attr("href"));
        String alt = null;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (!x.isText()) {
                if (x.name().equals("alt-text")) {
                    alt = x.text();
                } else {
                    x.skip();
                }
            }
        }
        if (src != null) {
            out.append("<img src=\"");
            Text.escapeAttr(out, src);
            out.append("\" alt=\"");
            Text.escapeAttr(out, alt == null ? "" : alt);
            out.append("\">");
        }
    }

    // ---------------------------------------------------------------- formulas

    private void displayFormula(Out out) {
        out.append("<div class=\"disp-formula\"");
        id(out, x.attr("id"));
        out.append('>');
        String label = null;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                text(out);
            } else if (x.name().equals("label")) {
                label = inline();
            } else {
                element(out);
            }
        }
        trimEnd(out);
        if (label != null && !label.isEmpty()) {
            out.append(" <span class=\"label\">").append(label).append("</span>");
        }
        out.append("</div>");
    }

    private void tex(Out out) {
        out.append("<span class=\"tex\">");
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                x.appendEscaped(out, true);
            } else {
                StringBuilder sb = new StringBuilder();
                x.appendTextContent(sb);
                Text.escape(out, sb.toString());
            }
        }
        out.append("</span>");
    }

    /** MathML: known element names and a few presentational attributes survive; annotations are dropped. */
    private void mathml(Out out) {
        String n = x.name();
        if (n.equals("annotation") || n.equals("annotation-xml")) {
            x.skip();
            return;
        }
        boolean keep = MATHML_ELEMENTS.contains(n);
        if (keep) {
            out.append('<').append(n);
            int count = x.attrCount();
            for (int i = 0; i < count; i++) {
                String a = x.attrName(i);
                if (MATHML_ATTRIBUTES.contains(a)) {
                    out.append(' ').append(a).append("=\"");
                    Text.escapeAttr(out, x.attrValue(i));
                    out.append('"');
                }
            }
            out.append('>');
        }
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                x.appendEscaped(out, true);
            } else {
                mathml(out);
            }
        }
        if (keep) {
            out.append("</").append(n).append('>');
        }
    }

    /** Of the alternatives (MathML and TeX, a table and its image), keeps the one that renders best. */
    private void alternatives(Out out) {
        Out best = scratch.borrowOut();
        Out candidate = scratch.borrowOut();
        try {
            int bestRank = -1;
            int d = x.depth();
            while (x.nextChild(d)) {
                if (x.isText()) {
                    continue;
                }
                int rank = switch (x.name()) {
                    case "math", "table" -> 4;
                    case "tex-math" -> 3;
                    case "graphic", "inline-graphic", "media" -> 1;
                    default -> 2;
                };
                candidate.setLength(0);
                element(candidate);
                if (rank > bestRank && !candidate.isEmpty()) {
                    Out swap = best;
                    best = candidate;
                    candidate = swap;
                    bestRank = rank;
                }
            }
            out.append(best);
        } finally {
            scratch.releaseOut();
            scratch.releaseOut();
        }
    }

    // ---------------------------------------------------------------- blocks

    /**
     * A paragraph. JATS lets a p hold figures, tables, lists and display formulas, which HTML does
     * not; the HTML paragraph is closed before such a block and reopened after it.
     */
    private void paragraph(Out out) {
        String id = x.attr("id");
        int openAt = -1;
        int contentAt = -1;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (openAt < 0) {
                    if (x.isWhitespace()) {
                        continue;
                    }
                    openAt = out.length();
                    openParagraph(out, id);
                    id = null;
                    contentAt = out.length();
                    text(out);
                    if (out.length() > contentAt && out.charAt(contentAt) == ' ') {
                        out.deleteCharAt(contentAt);
                    }
                    continue;
                }
                text(out);
            } else if (isBlock(x.name())) {
                if (openAt >= 0) {
                    closeParagraph(out, openAt, contentAt);
                    openAt = -1;
                }
                element(out);
            } else {
                if (openAt < 0) {
                    openAt = out.length();
                    openParagraph(out, id);
                    id = null;
                    contentAt = out.length();
                }
                element(out);
            }
        }
        if (openAt >= 0) {
            closeParagraph(out, openAt, contentAt);
        }
    }

    private void openParagraph(Out out, String id) {
        out.append("<p");
        id(out, id);
        out.append('>');
    }

    private void closeParagraph(Out out, int openAt, int contentAt) {
        trimEnd(out);
        if (out.length() <= contentAt) {
            out.setLength(openAt);
        } else {
            out.append("</p>");
        }
    }

    private void section(Out out) {
        String id = x.attr("id");
        if (id == null || id.isBlank()) {
            id = "recto-sec-" + (++autoId);
        }
        secDepth++;
        int level = Math.min(6, headingBase + secDepth - 1);
        SectionInfo info = null;
        if (sections != null) {
            info = new SectionInfo(id, secDepth);
            sections.add(info);
        }
        out.append("<section");
        id(out, id);
        out.append('>');
        String label = null;
        boolean headed = false;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (x.isWhitespace()) {
                    continue;
                }
                if (!headed) {
                    heading(out, level, label, null, info);
                    headed = true;
                }
                text(out);
                continue;
            }
            switch (x.name()) {
                case "label" -> label = inline();
                case "title" -> {
                    heading(out, level, label, inline(), info);
                    headed = true;
                }
                case "sec-meta" -> x.skip();
                default -> {
                    if (!headed) {
                        heading(out, level, label, null, info);
                        headed = true;
                    }
                    element(out);
                }
            }
        }
        if (!headed) {
            heading(out, level, label, null, info);
        }
        out.append("</section>");
        secDepth--;
    }

    private void heading(Out out, int level, String label, String title, SectionInfo info) {
        boolean hasLabel = label != null && !label.isEmpty();
        boolean hasTitle = title != null && !title.isEmpty();
        if (info != null) {
            info.titleHtml = hasLabel && hasTitle ? label + " " + title : hasTitle ? title : hasLabel ? label : "";
        }
        if (!hasLabel && !hasTitle) {
            return;
        }
        out.append("<h").append(level).append('>');
        if (hasLabel) {
            out.append("<span class=\"label\">").append(label).append("</span>");
            if (hasTitle) {
                out.append(' ');
            }
        }
        if (hasTitle) {
            out.append(title);
        }
        out.append("</h").append(level).append('>');
    }

    private void list(Out out) {
        String type = x.attr("list-type");
        boolean ordered = type != null && (type.equals("order") || type.startsWith("alpha") || type.startsWith("roman"));
        String tag = ordered ? "ol" : "ul";
        boolean open = false;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (!x.isWhitespace()) {
                    open = openList(out, tag, type, open);
                    text(out);
                }
                continue;
            }
            String n = x.name();
            if (!open && (n.equals("title") || n.equals("label"))) {
                String t = inline();
                if (!t.isEmpty()) {
                    out.append("<p class=\"list-title\">").append(t).append("</p>");
                }
                continue;
            }
            open = openList(out, tag, type, open);
            if (n.equals("list-item")) {
                out.append("<li>");
                flow(out);
                trimEnd(out);
                out.append("</li>");
            } else {
                element(out);
            }
        }
        openList(out, tag, type, open);
        out.append("</").append(tag).append('>');
    }

    private boolean openList(Out out, String tag, String type, boolean open) {
        if (!open) {
            out.append('<').append(tag);
            if (type != null) {
                switch (type) {
                    case "alpha-lower", "alpha-upper", "roman-lower", "roman-upper", "simple" ->
                            out.append(" class=\"").append(type).append('"');
                    default -> {
                    }
                }
            }
            out.append('>');
        }
        return true;
    }

    private void definitionList(Out out) {
        boolean open = false;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                continue;
            }
            String n = x.name();
            if (!open && (n.equals("title") || n.equals("label"))) {
                String t = inline();
                if (!t.isEmpty()) {
                    out.append("<p class=\"title\">").append(t).append("</p>");
                }
                continue;
            }
            if (!open) {
                out.append("<dl>");
                open = true;
            }
            if (n.equals("def-item")) {
                int di = x.depth();
                while (x.nextChild(di)) {
                    if (x.isText()) {
                        continue;
                    }
                    switch (x.name()) {
                        case "term" -> out.append("<dt>").append(inline()).append("</dt>");
                        case "def" -> {
                            out.append("<dd>");
                            flow(out);
                            trimEnd(out);
                            out.append("</dd>");
                        }
                        default -> {
                            out.append("<dd>");
                            element(out);
                            out.append("</dd>");
                        }
                    }
                }
            } else if (n.equals("term")) {
                out.append("<dt>").append(inline()).append("</dt>");
            } else if (n.equals("def")) {
                out.append("<dd>");
                flow(out);
                out.append("</dd>");
            } else {
                out.append("<dd>");
                element(out);
                out.append("</dd>");
            }
        }
        if (open) {
            out.append("</dl>");
        }
    }

    private void preformatted(Out out, boolean code) {
        boolean was = pre;
        pre = true;
        out.append(code ? "<pre><code>" : "<pre>");
        flow(out);
        out.append(code ? "</code></pre>" : "</pre>");
        pre = was;
    }

    /**
     * Figures, tables and their kin: a figure element with the label and caption as its figcaption,
     * then what the XML gives (the table, an image when its address can be used, a footer).
     */
    private void figureLike(Out out, String cssClass, int kind) {
        if (countFloats) {
            if (kind == 1) {
                figures++;
            } else if (kind == 2) {
                tables++;
            }
        }
        out.append("<figure class=\"").append(cssClass).append('"');
        id(out, x.attr("id"));
        out.append('>');
        String label = null;
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (!x.isWhitespace()) {
                    text(out);
                }
                continue;
            }
            switch (x.name()) {
                case "label" -> label = inline();
                case "caption" -> {
                    caption(out, label);
                    label = null;
                }
                case "object-id", "alt-text", "long-desc" -> x.skip();
                case "table-wrap-foot" -> {
                    tableFoot++;
                    try {
                        wrapBlock(out, "div", "table-foot");
                    } finally {
                        tableFoot--;
                    }
                }
                case "permissions" -> {
                    StringBuilder sb = new StringBuilder();
                    x.appendTextContent(sb);
                    String t = Text.normalize(sb);
                    if (!t.isEmpty()) {
                        out.append("<p class=\"permissions\">");
                        Text.escape(out, t);
                        out.append("</p>");
                    }
                }
                default -> element(out);
            }
        }
        if (label != null && !label.isEmpty()) {
            out.append("<figcaption><span class=\"label\">").append(label).append("</span></figcaption>");
        }
        out.append("</figure>");
    }

    private void caption(Out out, String label) {
        out.append("<figcaption>");
        boolean labelled = label == null || label.isEmpty();
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (x.isWhitespace()) {
                    continue;
                }
                if (!labelled) {
                    out.append("<span class=\"label\">").append(label).append("</span> ");
                    labelled = true;
                }
                text(out);
                continue;
            }
            switch (x.name()) {
                case "title" -> {
                    out.append("<p class=\"caption-title\">");
                    if (!labelled) {
                        out.append("<span class=\"label\">").append(label).append("</span> ");
                        labelled = true;
                    }
                    out.append(inline()).append("</p>");
                }
                default -> {
                    if (!labelled) {
                        out.append("<p class=\"caption-title\"><span class=\"label\">").append(label)
                                .append("</span></p>");
                        labelled = true;
                    }
                    element(out);
                }
            }
        }
        if (!labelled) {
            out.append("<span class=\"label\">").append(label).append("</span>");
        }
        out.append("</figcaption>");
    }

    private void table(Out out) {
        out.append("<table>");
        tableContent(out);
        out.append("</table>");
    }

    private void tableContent(Out out) {
        int d = x.depth();
        while (x.nextChild(d)) {
            if (x.isText()) {
                if (!x.isWhitespace()) {
                    text(out);
                }
                continue;
            }
            String n = x.name();
            switch (n) {
                case "thead", "tbody", "tfoot", "tr" -> {
                    out.append('<').append(n).append('>');
                    tableContent(out);
                    out.append("</").append(n).append('>');
                }
                case "th", "td" -> {
                    out.append('<').append(n);
                    span(out, "colspan", x.attr("colspan"));
                    span(out, "rowspan", x.attr("rowspan"));
                    out.append('>');
                    flow(out);
                    trimEnd(out);
                    out.append("</").append(n).append('>');
                }
                case "col", "colgroup" -> x.skip();
                default -> element(out);
            }
        }
    }

    private static void span(Out out, String name, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 4 || v.equals("1")) {
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return;
            }
        }
        out.append(' ').append(name).append("=\"").append(v).append('"');
    }

    // ---------------------------------------------------------------- footnotes

    private void footnote(Out out) {
        String id = x.attr("id");
        String type = x.attr("fn-type");
        String label = null;
        String html;
        Out content = scratch.borrowOut();
        try {
            int d = x.depth();
            while (x.nextChild(d)) {
                if (x.isText()) {
                    if (content.isEmpty() && x.isWhitespace()) {
                        continue;
                    }
                    text(content);
                } else if (x.name().equals("label") && label == null) {
                    label = inline();
                } else {
                    element(content);
                }
            }
            html = trim(content);
        } finally {
            scratch.releaseOut();
        }
        boolean isNote = (mode == Mode.BACK || mode == Mode.BODY) && tableFoot == 0;
        if (isNote) {
            sink.note(id, label, html, type);
        }
        if (mode != Mode.BACK || tableFoot > 0) {
            out.append("<div class=\"fn\"");
            id(out, id);
            out.append('>');
            if (label != null && !label.isEmpty()) {
                out.append("<span class=\"label\">").append(label).append("</span> ");
            }
            out.append(html).append("</div>");
        }
    }

    private void footnoteGroup(Out out) {
        if (mode == Mode.BACK && tableFoot == 0) {
            int d = x.depth();
            while (x.nextChild(d)) {
                if (x.isText()) {
                    continue;
                }
                if (x.name().equals("fn")) {
                    footnote(out);
                } else if (x.name().equals("fn-group")) {
                    footnoteGroup(out);
                } else {
                    x.skip();
                }
            }
            return;
        }
        wrapBlock(out, "div", "fn-group");
    }

    // ---------------------------------------------------------------- helpers

    static boolean isBlock(String n) {
        return switch (n) {
            case "p", "sec", "list", "fig", "fig-group", "table-wrap", "table-wrap-group", "table", "disp-quote",
                 "boxed-text", "disp-formula", "disp-formula-group", "preformat", "code", "def-list", "glossary",
                 "supplementary-material", "fn", "fn-group", "ref-list", "statement", "speech", "verse-group",
                 "array", "chem-struct-wrap", "graphic", "media", "hr", "ack", "app", "object-id", "sec-meta",
                 "caption", "title", "attrib" -> true;
            default -> false;
        };
    }

    private void id(Out out, String id) {
        if (id != null && !id.isBlank()) {
            out.append(" id=\"");
            Text.escapeAttr(out, id.strip());
            out.append('"');
        }
    }

    private static String firstToken(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int sp = 0;
        while (sp < t.length() && !Text.isXmlSpace(t.charAt(sp))) {
            sp++;
        }
        t = t.substring(0, sp);
        return t.isEmpty() ? null : t;
    }

    private static void space(Out out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static void trimEnd(Out out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            n--;
        }
        out.setLength(n);
    }

    static String trim(Out sb) {
        int start = 0;
        int end = sb.length();
        while (start < end && sb.charAt(start) == ' ') {
            start++;
        }
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(start, end);
    }
}
