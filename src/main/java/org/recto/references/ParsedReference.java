package org.recto.references;

import java.util.List;
import java.util.Optional;

/**
 * A parsed reference string: the string and its fields, in order. Each field's text is a substring
 * of {@code text}; text outside every field (separating punctuation, "In:") belongs to none.
 */
public record ParsedReference(String text, List<Field> fields) {

    public ParsedReference {
        if (text == null) {
            throw new IllegalArgumentException("a parsed reference needs its text");
        }
        fields = List.copyOf(fields);
    }

    /** The fields with this label, in order. */
    public List<Field> fields(String label) {
        return fields.stream().filter(f -> f.label().equals(label)).toList();
    }

    /** The text of the first field with this label. */
    public Optional<String> first(String label) {
        return fields.stream().filter(f -> f.label().equals(label)).map(Field::text).findFirst();
    }

    /** The DOI (normalised, without resolver prefix): from a doi field, else anywhere in the string. */
    public Optional<String> doi() {
        for (Field f : fields) {
            if (f.label().equals("doi")) {
                Optional<String> d = Identifiers.findDoi(f.text());
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Identifiers.findDoi(text);
    }

    /** The URL: from a url field, else the first URL in the string. */
    public Optional<String> url() {
        for (Field f : fields) {
            if (f.label().equals("url")) {
                Optional<String> u = Identifiers.findUrl(f.text());
                if (u.isPresent()) {
                    return u;
                }
            }
        }
        return Identifiers.findUrl(text);
    }

    /** A valid ISBN (digits and X only) from an isbn field, else anywhere in the string. */
    public Optional<String> isbn() {
        for (Field f : fields) {
            if (f.label().equals("isbn")) {
                Optional<String> i = Identifiers.findIsbn(f.text());
                if (i.isPresent()) {
                    return i;
                }
            }
        }
        return Identifiers.findIsbn(text);
    }
}
