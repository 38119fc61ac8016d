package org.recto.article;

import java.util.List;

/**
 * The body as a fragment of safe HTML, with its section outline (every {@code sec} at any depth,
 * in document order) and counts the tests and the page use.
 */
public record Body(String html, List<Section> sections, int figureCount, int tableCount) {

    public static final Body EMPTY = new Body("", List.of(), 0, 0);

    public Body {
        sections = List.copyOf(sections);
    }

    /** A section heading: its id (the HTML anchor), its title and its depth (1 for top level). */
    public record Section(String id, String titleHtml, int depth) {
    }
}
