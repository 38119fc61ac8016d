package org.recto.jats.internal;

import org.recto.article.Abstract;

/** Reads an abstract: its title apart, its content as HTML; structured when it has sections. */
final class AbstractReader {

    private AbstractReader() {
    }

    /** Reads the current abstract element. */
    static Abstract read(XmlCursor x, HtmlRenderer html) {
        String type = Text.blankToNull(x.attr("abstract-type"));
        Rendering r = html.start(HtmlRenderer.Mode.OTHER, HtmlRenderer.Outline.NESTED);
        Scratch scratch = html.scratch();
        Out sb = scratch.borrowOut();
        try {
            String[] title = {null};
            boolean[] structured = {false};
            x.forEachChild(() -> r.visibleText(sb), name -> {
                switch (name) {
                    case "title" -> {
                        if (title[0] == null) {
                            title[0] = Text.blankToNull(x.text());
                        } else {
                            r.element(sb, name);
                        }
                    }
                    case "object-id", "label" -> x.skip();
                    case "sec" -> {
                        structured[0] = true;
                        r.element(sb, name);
                    }
                    default -> r.element(sb, name);
                }
            });
            return new Abstract(type, title[0], Markup.trim(sb), structured[0]);
        } finally {
            scratch.releaseOut();
        }
    }
}
