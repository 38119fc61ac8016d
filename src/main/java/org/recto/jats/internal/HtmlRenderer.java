package org.recto.jats.internal;

import java.util.List;

import org.recto.article.Body;

/**
 * Renders JATS mixed content (body, abstracts, notes, titles, captions) as safe HTML from a small
 * vocabulary of its own, reading the stream once. Nothing of the XML is copied through: every tag
 * and attribute name written is a constant, attribute values are escaped, links are written only
 * for http(s), mailto and DOI targets, and text is always escaped. So no script, event handler,
 * style or javascript: URL can come out, whatever comes in. Unknown elements keep their text.
 * <p>
 * One instance per document (it numbers the sections that have no id); each call is a
 * {@link Rendering} of its own, so nothing is set from outside between calls.
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

    /** Where the rendered part stands on the page. */
    enum Outline {
        /** The body: top-level sections are h2, they make the outline, figures and tables are counted. */
        BODY(2),
        /** A part under a heading of the page (abstract, appendix, acknowledgements, notes): sections start at h3. */
        NESTED(3);

        final int headingBase;

        Outline(int headingBase) {
            this.headingBase = headingBase;
        }
    }

    /** Receives what the content holds besides HTML. */
    interface Sink {
        void note(String id, String labelHtml, String html, String fnType);

        /** The current element is a ref-list; read it to its end. */
        void refList();
    }

    /** What one rendering made: the HTML, trimmed, and for {@link Outline#BODY} its outline and float counts. */
    record Rendered(String html, List<Body.Section> sections, int figures, int tables) {
    }

    private final XmlCursor x;
    private final Sink sink;
    private final Scratch scratch;
    private int sectionIds;

    HtmlRenderer(XmlCursor x, Sink sink, Scratch scratch) {
        this.x = x;
        this.sink = sink;
        this.scratch = scratch;
    }

    /**
     * Renders the children of the current element as blocks, appending to {@code out} (which may
     * hold an earlier part of the same text: the body and its floats-group).
     */
    Rendered render(Mode mode, Outline outline, Out out) {
        Rendering r = start(mode, outline);
        r.flowBlocks(out);
        return r.result(out);
    }

    /** A rendering for a reader that walks the children of an element itself. */
    Rendering start(Mode mode, Outline outline) {
        return new Rendering(this, x, mode, outline);
    }

    /** The children of the current element as inline HTML (titles, labels), trimmed. */
    String inline() {
        return start(Mode.OTHER, Outline.NESTED).inline();
    }

    /** The children of the current element as block content, trimmed. */
    String block() {
        return start(Mode.OTHER, Outline.NESTED).block();
    }

    Sink sink() {
        return sink;
    }

    Scratch scratch() {
        return scratch;
    }

    /** An id for a section that has none, unique in the document. */
    String nextSectionId() {
        return "recto-sec-" + (++sectionIds);
    }
}
