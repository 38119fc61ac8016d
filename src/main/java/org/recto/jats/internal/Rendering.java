package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;

import org.recto.article.Body;

/**
 * One call of the {@link HtmlRenderer}: what it renders for (mode, outline) is fixed when it
 * starts, and the state of the walk (open links, section depth, preformatted text, float counts)
 * lives only as long as the call. Dispatches each element to the part of the renderer that
 * writes it.
 */
final class Rendering {

    final XmlCursor x;
    final HtmlRenderer.Mode mode;
    private final HtmlRenderer renderer;
    private final HtmlRenderer.Outline outline;
    /** The body outline as it is found; null for other parts. */
    private final List<SectionInfo> sections;

    int secDepth;
    int inlineOnly;
    int inLink;
    int tableFoot;
    boolean pre;
    private int figures;
    private int tables;

    Rendering(HtmlRenderer renderer, XmlCursor x, HtmlRenderer.Mode mode, HtmlRenderer.Outline outline) {
        this.renderer = renderer;
        this.x = x;
        this.mode = mode;
        this.outline = outline;
        this.sections = outline == HtmlRenderer.Outline.BODY ? new ArrayList<>() : null;
    }

    HtmlRenderer.Rendered result(Out out) {
        List<Body.Section> outlined = new ArrayList<>(sections == null ? 0 : sections.size());
        if (sections != null) {
            for (SectionInfo s : sections) {
                outlined.add(new Body.Section(s.id, s.titleHtml, s.depth));
            }
        }
        return new HtmlRenderer.Rendered(Markup.trim(out), outlined, figures, tables);
    }

    // ---------------------------------------------------------------- what the parts share

    Scratch scratch() {
        return renderer.scratch();
    }

    HtmlRenderer.Sink sink() {
        return renderer.sink();
    }

    String nextSectionId() {
        return renderer.nextSectionId();
    }

    /** The heading level of a section at the current depth. */
    int headingLevel() {
        return Math.min(6, outline.headingBase + secDepth - 1);
    }

    /** A section of the outline at the current depth, or null when this part has no outline. */
    SectionInfo outlineSection(String id) {
        if (sections == null) {
            return null;
        }
        SectionInfo info = new SectionInfo(id, secDepth);
        sections.add(info);
        return info;
    }

    /** Counts a figure (kind 1) or a table (kind 2) of the body. */
    void countFloat(int kind) {
        if (outline == HtmlRenderer.Outline.BODY) {
            if (kind == 1) {
                figures++;
            } else if (kind == 2) {
                tables++;
            }
        }
    }

    // ---------------------------------------------------------------- walking

    /** Renders the children of the current element as block content. */
    void flow(Out out) {
        x.forEachChild(() -> text(out), name -> element(out, name));
    }

    /**
     * Renders the children of an element that holds blocks only (body, boxed-text, quotes, groups):
     * the whitespace between its blocks is layout, not text.
     */
    void flowBlocks(Out out) {
        boolean[] pendingSpace = {false}; // whitespace counts only between inline content
        x.forEachChild(() -> {
            if (x.isWhitespace()) {
                pendingSpace[0] = !out.isEmpty();
                return;
            }
            if (pendingSpace[0]) {
                out.append(' ');
            }
            text(out);
            pendingSpace[0] = false;
        }, name -> {
            if (pendingSpace[0] && !Markup.isBlock(name)) {
                out.append(' ');
            }
            element(out, name);
            pendingSpace[0] = false;
        });
    }

    /** Renders the children of the current element as inline HTML (titles, labels), trimmed. */
    String inline() {
        Out sb = scratch().borrowOut();
        inlineOnly++;
        try {
            flow(sb);
            return Markup.trim(sb);
        } finally {
            inlineOnly--;
            scratch().releaseOut();
        }
    }

    /** Renders the children of the current element as block content into a new string, trimmed. */
    String block() {
        Out sb = scratch().borrowOut();
        try {
            flow(sb);
            return Markup.trim(sb);
        } finally {
            scratch().releaseOut();
        }
    }

    void text(Out out) {
        x.appendEscaped(out, !pre);
    }

    /** The current text, unless it is only whitespace (layout between the elements of a block). */
    void visibleText(Out out) {
        if (!x.isWhitespace()) {
            text(out);
        }
    }

    /** Renders the current element itself. */
    void element(Out out) {
        element(out, x.name());
    }

    void element(Out out, String n) {
        if (inlineOnly > 0 && Markup.isBlock(n)) {
            Markup.space(out);
            if (n.equals("fig") || n.equals("table-wrap") || n.equals("object-id") || n.equals("sec-meta")) {
                x.skip();
            } else {
                flow(out);
            }
            Markup.space(out);
            return;
        }
        switch (n) {
            case "p" -> BlockMarkup.paragraph(this, out);
            case "sec" -> BlockMarkup.section(this, out);
            case "italic" -> wrap(out, "i", null);
            case "bold" -> wrap(out, "b", null);
            case "sup" -> wrap(out, "sup", null);
            case "sub" -> wrap(out, "sub", null);
            case "sc" -> wrap(out, "span", "sc");
            case "monospace" -> wrap(out, "code", null);
            case "underline" -> wrap(out, "u", null);
            case "strike" -> wrap(out, "s", null);
            case "overline" -> wrap(out, "span", "overline");
            case "xref" -> InlineMarkup.xref(this, out);
            case "ext-link" -> InlineMarkup.extLink(this, out);
            case "uri" -> InlineMarkup.uri(this, out);
            case "email" -> InlineMarkup.email(this, out);
            case "inline-formula" -> wrap(out, "span", "inline-formula");
            case "disp-formula" -> FormulaMarkup.displayFormula(this, out);
            case "tex-math" -> FormulaMarkup.tex(this, out);
            case "math" -> FormulaMarkup.mathml(this, out, n);
            case "alternatives" -> FormulaMarkup.alternatives(this, out);
            case "break" -> empty(out, "<br>");
            case "hr" -> empty(out, "<hr>");
            case "list" -> BlockMarkup.list(this, out);
            case "list-item" -> wrapBlock(out, "li", null);
            case "fig" -> FloatMarkup.figureLike(this, out, "fig", 1);
            case "table-wrap" -> FloatMarkup.figureLike(this, out, "table-wrap", 2);
            case "supplementary-material" -> FloatMarkup.figureLike(this, out, "supplementary-material", 0);
            case "media" -> FloatMarkup.figureLike(this, out, "media", 0);
            case "chem-struct-wrap" -> FloatMarkup.figureLike(this, out, "chem-struct", 0);
            case "fig-group" -> wrapBlock(out, "div", "fig-group");
            case "table-wrap-group" -> wrapBlock(out, "div", "table-wrap-group");
            case "disp-formula-group" -> wrapBlock(out, "div", "disp-formula-group");
            case "table" -> FloatMarkup.table(this, out);
            case "disp-quote" -> wrapBlock(out, "blockquote", null);
            case "boxed-text" -> wrapBlock(out, "aside", "boxed-text");
            case "statement" -> wrapBlock(out, "div", "statement");
            case "glossary" -> wrapBlock(out, "div", "glossary");
            case "preformat" -> BlockMarkup.preformatted(this, out, false);
            case "code" -> BlockMarkup.preformatted(this, out, true);
            case "def-list" -> BlockMarkup.definitionList(this, out);
            case "fn" -> FootnoteMarkup.footnote(this, out);
            case "fn-group" -> FootnoteMarkup.footnoteGroup(this, out);
            case "ref-list" -> {
                if (mode == HtmlRenderer.Mode.OTHER) {
                    x.skip();
                } else {
                    sink().refList();
                }
            }
            case "graphic", "inline-graphic" -> InlineMarkup.graphic(this, out);
            case "label" -> inlineAs(out, "<span class=\"label\">", "</span> ");
            case "title" -> inlineAs(out, "<p class=\"title\">", "</p>");
            case "caption" -> wrapBlock(out, "div", "caption");
            case "attrib" -> inlineAs(out, "<p class=\"attrib\">", "</p>");
            case "object-id", "sec-meta", "alt-text", "long-desc", "col", "colgroup", "sub-article", "response",
                 "kwd-group", "processing-meta" -> x.skip();
            default -> flow(out);
        }
    }

    // ---------------------------------------------------------------- simple wrappers

    private void empty(Out out, String tag) {
        out.append(tag);
        x.skip();
    }

    /** The element's inline content between {@code open} and {@code close}; nothing when it is empty. */
    private void inlineAs(Out out, String open, String close) {
        String content = inline();
        if (!content.isEmpty()) {
            out.append(open).append(content).append(close);
        }
    }

    private void wrap(Out out, String tag, String cssClass) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>');
        flow(out);
        out.append("</").append(tag).append('>');
    }

    void wrapBlock(Out out, String tag, String cssClass) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        Markup.id(out, x.attr("id"));
        out.append('>');
        if (tag.equals("li") || cssClass != null && cssClass.equals("disp-formula-group")) {
            flow(out); // may hold text and inline markup directly
        } else {
            flowBlocks(out);
        }
        Markup.trimEnd(out);
        out.append("</").append(tag).append('>');
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
}
