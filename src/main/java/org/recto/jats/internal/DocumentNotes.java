package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.recto.article.Note;

/** The notes (footnotes of the body and the back matter) of one document, as the renderer finds them. */
final class DocumentNotes implements HtmlRenderer.Sink {

    private final ReferenceReader refs;
    private final List<Note> notes = new ArrayList<>();
    private final Map<String, String> fnTypes = new HashMap<>();

    DocumentNotes(ReferenceReader refs) {
        this.refs = refs;
    }

    @Override
    public void note(String id, String labelHtml, String noteHtml, String fnType) {
        String nid = Text.blankToNull(id);
        String label = labelHtml == null ? null : Text.blankToNull(Text.htmlToText(labelHtml));
        notes.add(new Note(nid, label, noteHtml, Text.htmlToText(noteHtml)));
        if (nid != null && fnType != null) {
            fnTypes.putIfAbsent(nid, fnType);
        }
    }

    @Override
    public void refList() {
        refs.refList();
    }

    List<Note> notes() {
        return notes;
    }

    /** The fn-type of each note by its id (the first one given). */
    Map<String, String> fnTypes() {
        return fnTypes;
    }
}
