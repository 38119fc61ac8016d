package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.recto.article.AuthorNote;

/** Reads author-notes: correspondence notes (with their emails), footnotes and loose paragraphs. */
final class AuthorNotesReader {

    /**
     * The author notes, with the number of emails of each correspondence note by id and the
     * fn-type of each footnote by id (the last one given).
     */
    record AuthorNotes(List<AuthorNote> notes, Map<String, Integer> correspondenceEmails,
            Map<String, String> fnTypes) {
    }

    private final XmlCursor x;
    private final HtmlRenderer html;
    private final List<AuthorNote> notes = new ArrayList<>();
    private final Map<String, Integer> correspondenceEmails = new HashMap<>();
    private final Map<String, String> fnTypes = new HashMap<>();

    AuthorNotesReader(XmlCursor x, HtmlRenderer html) {
        this.x = x;
        this.html = html;
    }

    AuthorNotes result() {
        return new AuthorNotes(notes, correspondenceEmails, fnTypes);
    }

    /** Reads the current author-notes element. */
    void read() {
        Rendering r = html.start(HtmlRenderer.Mode.OTHER, HtmlRenderer.Outline.NESTED);
        x.forEachElement(name -> {
            switch (name) {
                case "corresp" -> correspondence(r);
                case "fn" -> {
                    String id = Text.blankToNull(x.attr("id"));
                    String type = Text.blankToNull(x.attr("fn-type"));
                    String[] labelAndHtml = labelled(r, null);
                    notes.add(new AuthorNote(id, "fn", type, labelAndHtml[0], labelAndHtml[1], null));
                    if (id != null && type != null) {
                        fnTypes.put(id, type);
                    }
                }
                case "p" -> {
                    Out sb = html.scratch().borrowOut();
                    String h;
                    try {
                        r.element(sb, name);
                        h = Markup.trim(sb);
                    } finally {
                        html.scratch().releaseOut();
                    }
                    if (!h.isEmpty()) {
                        notes.add(new AuthorNote(null, "fn", null, null, h, null));
                    }
                }
                default -> x.skip();
            }
        });
    }

    private void correspondence(Rendering r) {
        String id = Text.blankToNull(x.attr("id"));
        List<String> emails = new ArrayList<>();
        String[] labelAndHtml = labelled(r, emails);
        notes.add(new AuthorNote(id, "corresp", null, labelAndHtml[0], labelAndHtml[1],
                emails.isEmpty() ? null : emails.get(0)));
        if (id != null) {
            correspondenceEmails.put(id, emails.size());
        }
    }

    /** The label (plain) and the rest (HTML) of a note; emails are collected when asked. */
    private String[] labelled(Rendering r, List<String> emails) {
        Out sb = html.scratch().borrowOut();
        try {
            String[] label = {null};
            x.forEachChild(() -> r.text(sb), name -> {
                if (name.equals("label") && label[0] == null) {
                    label[0] = Text.blankToNull(x.text());
                } else if (name.equals("email") && emails != null) {
                    String e = x.text();
                    boolean address = Markup.isEmail(e);
                    if (address) {
                        emails.add(e);
                    }
                    Markup.linkOrText(sb, address ? "mailto:" + e : null, e);
                } else {
                    r.element(sb, name);
                }
            });
            return new String[] {label[0], Markup.trim(sb)};
        } finally {
            html.scratch().releaseOut();
        }
    }
}
