package org.recto.references.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a citation without a DOI is matched to an article: by a normalised title (letters and digits
 * only, accents folded), the year, and the first author's surname.
 */
public final class CitationKeys {

    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
    private static final Pattern AUTHOR_SPLIT = Pattern.compile("\\s+and\\s+|\\s*&\\s*|;|\\s+et al\\.?");

    private CitationKeys() {
    }

    /** The title key, or null when the title is too short to identify a work. */
    public static String title(String title) {
        if (title == null) {
            return null;
        }
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < folded.length() && key.length() < 300; i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                key.append(c);
            }
        }
        return key.length() < 12 ? null : key.toString();
    }

    public static Integer year(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * The first author's surname, lower case: "Bloomfield, Alan" and "Alan Bloomfield" both give
     * "bloomfield"; "Finnemore, Martha and Sikkink, Kathryn" gives "finnemore".
     */
    public static String firstAuthor(String authors) {
        if (authors == null || authors.isBlank()) {
            return null;
        }
        String first = AUTHOR_SPLIT.split(authors.strip(), 2)[0].strip();
        String surname;
        int comma = first.indexOf(',');
        if (comma > 0) {
            surname = first.substring(0, comma);
        } else {
            String[] words = first.split("\\s+");
            // "Surname GN" (initials last, as in JATS element citations) or "Given Surname".
            surname = words.length > 1 && words[words.length - 1].matches("[A-Z.\\-]{1,4}") ? words[0] : words[words.length - 1];
        }
        String key = title(surname + "xxxxxxxxxxxx");
        return key == null ? null : key.substring(0, key.length() - 12);
    }
}
