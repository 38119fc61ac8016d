package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;

import org.recto.article.Body;

/**
 * Reads the body (and the floats-group, whose figures and tables belong to it) into a {@link Body}:
 * its HTML, its section outline and its figure and table counts. Footnotes of the body also become
 * notes, through the renderer's sink. One instance per document.
 */
final class BodyReader {

    private final HtmlRenderer html;
    private final Out out;
    private final List<Body.Section> sections = new ArrayList<>();
    private boolean present;
    private int figures;
    private int tables;
    private String rendered = "";

    BodyReader(HtmlRenderer html, Out out) {
        this.html = html;
        this.out = out;
    }

    /** Reads the current body or floats-group element, after what an earlier one gave. */
    void read() {
        present = true;
        HtmlRenderer.Rendered r = html.render(HtmlRenderer.Mode.BODY, HtmlRenderer.Outline.BODY, out);
        rendered = r.html();
        sections.addAll(r.sections());
        figures += r.figures();
        tables += r.tables();
    }

    Body result() {
        return present ? new Body(rendered, sections, figures, tables) : Body.EMPTY;
    }
}
