package org.recto.jats.internal;

/** Paragraphs, sections with their headings, lists, definition lists and preformatted text. */
final class BlockMarkup {

    private BlockMarkup() {
    }

    /**
     * A paragraph. JATS lets a p hold figures, tables, lists and display formulas, which HTML does
     * not; the HTML paragraph is closed before such a block and reopened after it.
     */
    static void paragraph(Rendering r, Out out) {
        XmlCursor x = r.x;
        Paragraph p = new Paragraph(x.attr("id"));
        x.forEachChild(() -> {
            if (p.openAt < 0) {
                if (x.isWhitespace()) {
                    return;
                }
                p.open(out);
                int contentAt = p.contentAt;
                r.text(out);
                if (out.length() > contentAt && out.charAt(contentAt) == ' ') {
                    out.deleteCharAt(contentAt);
                }
                return;
            }
            r.text(out);
        }, name -> {
            if (Markup.isBlock(name)) {
                p.close(out);
            } else if (p.openAt < 0) {
                p.open(out);
            }
            r.element(out, name);
        });
        p.close(out);
    }

    /** Where the HTML paragraph now open starts, and where its content starts; -1 while none is open. */
    private static final class Paragraph {
        private String id;
        int openAt = -1;
        int contentAt = -1;

        Paragraph(String id) {
            this.id = id;
        }

        void open(Out out) {
            openAt = out.length();
            out.append("<p");
            Markup.id(out, id);
            out.append('>');
            id = null;
            contentAt = out.length();
        }

        /** Closes the open paragraph; one that holds nothing is taken back. */
        void close(Out out) {
            if (openAt < 0) {
                return;
            }
            Markup.trimEnd(out);
            if (out.length() <= contentAt) {
                out.setLength(openAt);
            } else {
                out.append("</p>");
            }
            openAt = -1;
        }
    }

    static void section(Rendering r, Out out) {
        XmlCursor x = r.x;
        String id = x.attr("id");
        if (id == null || id.isBlank()) {
            id = r.nextSectionId();
        }
        r.secDepth++;
        Heading h = new Heading(r.headingLevel(), r.outlineSection(id));
        out.append("<section");
        Markup.id(out, id);
        out.append('>');
        x.forEachChild(() -> {
            if (!x.isWhitespace()) {
                h.ensure(out);
                r.text(out);
            }
        }, name -> {
            switch (name) {
                case "label" -> h.label = r.inline();
                case "title" -> h.write(out, r.inline());
                case "sec-meta" -> x.skip();
                default -> {
                    h.ensure(out);
                    r.element(out, name);
                }
            }
        });
        h.ensure(out);
        out.append("</section>");
        r.secDepth--;
    }

    /** A section's heading, written before its first content (or at its end when it has none). */
    private static final class Heading {
        final int level;
        final Rendering.SectionInfo info;
        String label;
        boolean headed;

        Heading(int level, Rendering.SectionInfo info) {
            this.level = level;
            this.info = info;
        }

        void ensure(Out out) {
            if (!headed) {
                write(out, null);
            }
        }

        void write(Out out, String title) {
            headed = true;
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
                Markup.label(out, label);
                if (hasTitle) {
                    out.append(' ');
                }
            }
            if (hasTitle) {
                out.append(title);
            }
            out.append("</h").append(level).append('>');
        }
    }

    static void list(Rendering r, Out out) {
        XmlCursor x = r.x;
        String type = x.attr("list-type");
        boolean ordered = type != null && (type.equals("order") || type.startsWith("alpha") || type.startsWith("roman"));
        String tag = ordered ? "ol" : "ul";
        boolean[] open = {false};
        x.forEachChild(() -> {
            if (!x.isWhitespace()) {
                open[0] = openList(out, tag, type, open[0]);
                r.text(out);
            }
        }, name -> {
            if (!open[0] && (name.equals("title") || name.equals("label"))) {
                title(r, out, "list-title");
                return;
            }
            open[0] = openList(out, tag, type, open[0]);
            if (name.equals("list-item")) {
                out.append("<li>");
                r.flow(out);
                Markup.trimEnd(out);
                out.append("</li>");
            } else {
                r.element(out, name);
            }
        });
        openList(out, tag, type, open[0]);
        out.append("</").append(tag).append('>');
    }

    /** The title of a list, in a paragraph of its own before it. */
    private static void title(Rendering r, Out out, String cssClass) {
        String t = r.inline();
        if (!t.isEmpty()) {
            out.append("<p class=\"").append(cssClass).append("\">").append(t).append("</p>");
        }
    }

    private static boolean openList(Out out, String tag, String type, boolean open) {
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

    static void definitionList(Rendering r, Out out) {
        XmlCursor x = r.x;
        boolean[] open = {false};
        x.forEachElement(name -> {
            if (!open[0] && (name.equals("title") || name.equals("label"))) {
                title(r, out, "title");
                return;
            }
            if (!open[0]) {
                out.append("<dl>");
                open[0] = true;
            }
            if (name.equals("def-item")) {
                x.forEachElement(part -> definitionPart(r, out, part, true));
            } else {
                definitionPart(r, out, name, false);
            }
        });
        if (open[0]) {
            out.append("</dl>");
        }
    }

    /** A term, a definition, or anything else as a definition; {@code inItem} within a def-item. */
    private static void definitionPart(Rendering r, Out out, String name, boolean inItem) {
        switch (name) {
            case "term" -> out.append("<dt>").append(r.inline()).append("</dt>");
            case "def" -> {
                out.append("<dd>");
                r.flow(out);
                if (inItem) {
                    Markup.trimEnd(out);
                }
                out.append("</dd>");
            }
            default -> {
                out.append("<dd>");
                r.element(out, name);
                out.append("</dd>");
            }
        }
    }

    static void preformatted(Rendering r, Out out, boolean code) {
        boolean was = r.pre;
        r.pre = true;
        out.append(code ? "<pre><code>" : "<pre>");
        r.flow(out);
        out.append(code ? "</code></pre>" : "</pre>");
        r.pre = was;
    }
}
