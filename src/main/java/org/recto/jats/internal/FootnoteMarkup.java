package org.recto.jats.internal;

/** Footnotes: rendered in place, and in the body and the back matter also given to the sink as notes. */
final class FootnoteMarkup {

    private FootnoteMarkup() {
    }

    static void footnote(Rendering r, Out out) {
        XmlCursor x = r.x;
        String id = x.attr("id");
        String type = x.attr("fn-type");
        String[] label = {null};
        String html;
        Out content = r.scratch().borrowOut();
        try {
            x.forEachChild(() -> {
                if (!content.isEmpty() || !x.isWhitespace()) {
                    r.text(content);
                }
            }, name -> {
                if (name.equals("label") && label[0] == null) {
                    label[0] = r.inline();
                } else {
                    r.element(content, name);
                }
            });
            html = Markup.trim(content);
        } finally {
            r.scratch().releaseOut();
        }
        boolean isNote = (r.mode == HtmlRenderer.Mode.BACK || r.mode == HtmlRenderer.Mode.BODY) && r.tableFoot == 0;
        if (isNote) {
            r.sink().note(id, label[0], html, type);
        }
        if (r.mode != HtmlRenderer.Mode.BACK || r.tableFoot > 0) {
            out.append("<div class=\"fn\"");
            Markup.id(out, id);
            out.append('>');
            if (label[0] != null && !label[0].isEmpty()) {
                Markup.label(out, label[0]);
                out.append(' ');
            }
            out.append(html).append("</div>");
        }
    }

    static void footnoteGroup(Rendering r, Out out) {
        if (r.mode == HtmlRenderer.Mode.BACK && r.tableFoot == 0) {
            r.x.forEachElement(name -> {
                switch (name) {
                    case "fn" -> footnote(r, out);
                    case "fn-group" -> footnoteGroup(r, out);
                    default -> r.x.skip();
                }
            });
            return;
        }
        r.wrapBlock(out, "div", "fn-group");
    }
}
