package org.recto.references;

/**
 * One labelled field of a parsed reference: its label (author, title, journal, date, …), its text and
 * where that text sits in the parsed string ({@code text} is exactly {@code source.substring(start, end)}).
 */
public record Field(String label, String text, int start, int end) {

    public Field {
        if (label == null || text == null) {
            throw new IllegalArgumentException("a field needs a label and a text");
        }
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("field span [" + start + ", " + end + ") does not fit its text");
        }
    }

    /**
     * The value without the punctuation that joins the field to its neighbours and without the cue
     * words that announce it: "2014)," gives "2014", "pp. 310–333." gives "310–333", "In J. Smith
     * (Ed.)," gives "J. Smith".
     */
    public String value() {
        return FieldValue.of(label, text);
    }
}
