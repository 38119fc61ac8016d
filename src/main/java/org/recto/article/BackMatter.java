package org.recto.article;

import java.util.List;

/**
 * The back matter: acknowledgements and appendices as safe HTML, the notes of every
 * {@code fn-group} (endnotes, footnotes) and the reference list.
 */
public record BackMatter(String acknowledgementsHtml, List<Appendix> appendices, List<Note> notes, List<Reference> references) {

    public static final BackMatter EMPTY = new BackMatter(null, List.of(), List.of(), List.of());

    public BackMatter {
        appendices = List.copyOf(appendices);
        notes = List.copyOf(notes);
        references = List.copyOf(references);
    }

    public record Appendix(String id, String titleHtml, String html) {
    }
}
