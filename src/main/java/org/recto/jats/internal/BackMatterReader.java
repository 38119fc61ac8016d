package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;

import org.recto.article.BackMatter;

/**
 * Reads the back matter: acknowledgements and appendices as HTML, the reference list through the
 * {@link ReferenceReader}, and footnote groups, which become notes (through the renderer's sink)
 * rather than text. Anything else (app, sec, notes, glossary, bio, …) becomes an appendix, so
 * nothing is dropped. One instance per document.
 */
final class BackMatterReader {

    private final XmlCursor x;
    private final HtmlRenderer html;
    private final ReferenceReader refs;
    private final Out acknowledgements = new Out();
    private final List<BackMatter.Appendix> appendices = new ArrayList<>();

    BackMatterReader(XmlCursor x, HtmlRenderer html, ReferenceReader refs) {
        this.x = x;
        this.html = html;
        this.refs = refs;
    }

    String acknowledgementsHtml() {
        return acknowledgements.isEmpty() ? null : acknowledgements.toString();
    }

    List<BackMatter.Appendix> appendices() {
        return appendices;
    }

    /** Reads the current back element. */
    void read() {
        Rendering r = html.start(HtmlRenderer.Mode.BACK, HtmlRenderer.Outline.NESTED);
        Out discard = new Out(16);
        x.forEachElement(name -> {
            switch (name) {
                case "ack" -> acknowledgements(r);
                case "ref-list" -> refs.refList();
                case "fn-group", "fn" -> r.element(discard, name);
                case "app-group" -> x.forEachElement(child -> {
                    if (child.equals("title") || child.equals("label")) {
                        x.skip();
                    } else {
                        appendix(r);
                    }
                });
                default -> appendix(r);
            }
        });
    }

    private void acknowledgements(Rendering r) {
        x.forEachChild(() -> r.visibleText(acknowledgements), name -> {
            if (name.equals("title")) {
                x.skip(); // the page gives the heading
            } else {
                r.element(acknowledgements, name);
            }
        });
        String trimmed = Markup.trim(acknowledgements);
        acknowledgements.setLength(0);
        acknowledgements.append(trimmed);
    }

    private void appendix(Rendering r) {
        String id = Text.blankToNull(x.attr("id"));
        Out sb = html.scratch().borrowOut();
        try {
            String[] labelAndTitle = {null, null};
            x.forEachChild(() -> r.visibleText(sb), name -> {
                switch (name) {
                    case "label" -> labelAndTitle[0] = labelAndTitle[0] == null ? Text.blankToNull(r.inline())
                            : labelAndTitle[0];
                    case "title" -> {
                        if (labelAndTitle[1] == null) {
                            labelAndTitle[1] = Text.blankToNull(r.inline());
                        } else {
                            r.element(sb, name);
                        }
                    }
                    default -> r.element(sb, name);
                }
            });
            String content = Markup.trim(sb);
            if (content.isEmpty()) {
                return; // e.g. "Additional information", whose footnotes have become notes
            }
            String label = labelAndTitle[0];
            String title = labelAndTitle[1];
            String heading = label != null && title != null ? label + " " + title : title != null ? title : label;
            appendices.add(new BackMatter.Appendix(id, heading, content));
        } finally {
            html.scratch().releaseOut();
        }
    }
}
