package org.recto.jats.internal;

import org.recto.article.Html;

/** Figures, tables and their kin: a figure element with its caption, then the table or image. */
final class FloatMarkup {

    private FloatMarkup() {
    }

    /**
     * A figure element with the label and caption as its figcaption, then what the XML gives (the
     * table, an image when its address can be used, a footer). {@code kind}: 1 a figure, 2 a table,
     * 0 neither (counted as nothing).
     */
    static void figureLike(Rendering r, Out out, String cssClass, int kind) {
        XmlCursor x = r.x;
        r.countFloat(kind);
        out.append("<figure class=\"").append(cssClass).append('"');
        Markup.id(out, x.attr("id"));
        out.append('>');
        String[] label = {null};
        x.forEachChild(() -> r.visibleText(out), name -> {
            switch (name) {
                case "label" -> label[0] = r.inline();
                case "caption" -> {
                    caption(r, out, label[0]);
                    label[0] = null;
                }
                case "object-id", "alt-text", "long-desc" -> x.skip();
                case "table-wrap-foot" -> {
                    r.tableFoot++;
                    try {
                        r.wrapBlock(out, "div", "table-foot");
                    } finally {
                        r.tableFoot--;
                    }
                }
                case "permissions" -> permissions(x, out);
                default -> r.element(out, name);
            }
        });
        if (label[0] != null && !label[0].isEmpty()) {
            out.append("<figcaption>");
            Markup.label(out, label[0]);
            out.append("</figcaption>");
        }
        out.append("</figure>");
    }

    private static void permissions(XmlCursor x, Out out) {
        StringBuilder sb = new StringBuilder();
        x.appendTextContent(sb);
        String t = Text.normalize(sb);
        if (!t.isEmpty()) {
            out.append("<p class=\"permissions\">");
            out.append(Html.escapeText(t));
            out.append("</p>");
        }
    }

    private static void caption(Rendering r, Out out, String label) {
        XmlCursor x = r.x;
        out.append("<figcaption>");
        boolean[] labelled = {label == null || label.isEmpty()};
        x.forEachChild(() -> {
            if (x.isWhitespace()) {
                return;
            }
            if (!labelled[0]) {
                Markup.label(out, label);
                out.append(' ');
                labelled[0] = true;
            }
            r.text(out);
        }, name -> {
            if (name.equals("title")) {
                out.append("<p class=\"caption-title\">");
                if (!labelled[0]) {
                    Markup.label(out, label);
                    out.append(' ');
                    labelled[0] = true;
                }
                out.append(r.inline()).append("</p>");
            } else {
                if (!labelled[0]) {
                    out.append("<p class=\"caption-title\">");
                    Markup.label(out, label);
                    out.append("</p>");
                    labelled[0] = true;
                }
                r.element(out, name);
            }
        });
        if (!labelled[0]) {
            Markup.label(out, label);
        }
        out.append("</figcaption>");
    }

    static void table(Rendering r, Out out) {
        out.append("<table>");
        tableContent(r, out);
        out.append("</table>");
    }

    private static void tableContent(Rendering r, Out out) {
        XmlCursor x = r.x;
        x.forEachChild(() -> r.visibleText(out), n -> {
            switch (n) {
                case "thead", "tbody", "tfoot", "tr" -> {
                    out.append('<').append(n).append('>');
                    tableContent(r, out);
                    out.append("</").append(n).append('>');
                }
                case "th", "td" -> {
                    out.append('<').append(n);
                    span(out, "colspan", x.attr("colspan"));
                    span(out, "rowspan", x.attr("rowspan"));
                    out.append('>');
                    r.flow(out);
                    Markup.trimEnd(out);
                    out.append("</").append(n).append('>');
                }
                case "col", "colgroup" -> x.skip();
                default -> r.element(out, n);
            }
        });
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
}
