package org.recto.references;

/**
 * Which of the two gold conventions the parser's fields follow. {@link #ANYSTYLE} puts every token in
 * a field, cue words included ("pp. 12–15" as pages, "In Proceedings …" as container title);
 * {@link #GROBID} labels bare values ("12–15", "Proceedings …") and leaves the cue words out.
 * {@link #AUTO} follows whichever convention the string most resembles.
 */
public enum LabelConvention {
    AUTO, ANYSTYLE, GROBID;

    /** "auto", "anystyle" or "grobid", in any case. */
    public static LabelConvention of(String name) {
        for (LabelConvention c : values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown label convention " + name + " (auto, anystyle or grobid)");
    }
}
