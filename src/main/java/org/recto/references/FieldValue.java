package org.recto.references;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field's value as a reference manager wants it: without the punctuation that joins it to its
 * neighbours and without the cue words that announce it ("2014)," gives "2014", "pp. 310–333." gives
 * "310–333", "In J. Smith (Ed.)," gives "J. Smith"). A period that ends an initial or an abbreviated
 * journal name stays ("Hoffman, Matthew J.", "Phys. Rev.").
 */
final class FieldValue {

    private static final String CUE_END = "(?:\\s*[.:]\\s*|\\s+)";

    /** Per label, the words that may announce it. */
    private static final Map<String, Pattern> LEADING = Map.of(
            "pages", Pattern.compile("(?i)^(?:pp|p|pages|page|s)" + CUE_END),
            "volume", Pattern.compile("(?i)^(?:vols?|volume|bd|t)" + CUE_END),
            "issue", Pattern.compile("(?i)^(?:no|nr|n°|issue|number|h)" + CUE_END),
            "editor", Pattern.compile("(?i)^(?:in\\s*:?\\s+)?(?:(?:edited|ed\\.|eds\\.)\\s+by\\s+|eds?\\.\\s+)?"),
            "container-title", Pattern.compile("(?i)^in\\s*:?\\s+"),
            "collection-title", Pattern.compile("(?i)^in\\s*:?\\s+"),
            "translator", Pattern.compile("(?i)^(?:(?:translated|trans\\.|tr\\.)\\s+by\\s+|trans\\.\\s+|tr\\.\\s+)"),
            "doi", Pattern.compile("(?i)^(?:doi\\s*:?\\s*|https?://(?:dx\\.)?doi\\.org/)"));

    /** Per label, the words that may close it: in brackets, abbreviated with a period, or "editors". */
    private static final Map<String, Pattern> TRAILING = Map.of(
            "editor", Pattern.compile("(?i)[,\\s]*(?:\\(\\s*(?:eds?|editors?|hrsg|dir)\\.?\\s*\\)|\\b(?:eds?|hrsg|dir)\\.|\\beditors?)"
                    + "[\\s,;:.]*$"),
            "translator", Pattern.compile("(?i)[,\\s]*(?:\\(\\s*(?:trans|transl|tr)\\.?\\s*\\)|\\b(?:trans|transl|tr)\\.)[\\s,;:.]*$"));

    /** Labels whose values are often abbreviated word by word ("Phys. Rev."). */
    private static final Set<String> ABBREVIATED = Set.of("journal", "container-title",
            "collection-title", "source");

    /** An abbreviated word inside a value: a letter, a period, a space. */
    private static final Pattern ABBREVIATION = Pattern.compile("\\p{L}\\.\\s");

    private static final String OPENERS = "([{“‘«„\"'";
    private static final String CLOSERS = ")]}”’»“\"'";

    private FieldValue() {
    }

    static String of(String label, String text) {
        String v = cleaned(label, text);
        if (v.isEmpty()) {
            // a value of marks only ("———." for "the same author") keeps its marks
            int end = text.length();
            while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ".,;:".indexOf(text.charAt(end - 1)) >= 0)) {
                end--;
            }
            v = text.substring(0, end).strip();
        }
        return v;
    }

    private static String cleaned(String label, String text) {
        boolean abbreviated = ABBREVIATED.contains(label);
        String v = text.strip();
        Pattern trailing = TRAILING.get(label);
        if (trailing != null) {
            // the cue words are short: looking at the tail keeps the search linear in a long value
            Matcher m = trailing.matcher(v).region(Math.max(0, v.length() - 40), v.length()).useTransparentBounds(true);
            if (m.find()) {
                v = unlessEmpty(trim(v.substring(0, m.start()), abbreviated), v);
            }
        }
        v = trim(v, abbreviated);
        Pattern leading = LEADING.get(label);
        if (leading != null) {
            v = unlessEmpty(trim(leading.matcher(v).replaceFirst(""), abbreviated), v);
        }
        return v;
    }

    /** {@code stripped}, unless taking the cue words off left nothing, then {@code whole}. */
    private static String unlessEmpty(String stripped, String whole) {
        return stripped.isEmpty() ? whole : stripped;
    }

    /**
     * Takes white space, joining punctuation and wrapping brackets or quotes off both ends until none
     * is left (at most a few rounds, each linear in the length).
     */
    private static String trim(String s, boolean abbreviated) {
        int a = 0;
        int b = s.length();
        for (int round = 0; round < 8; round++) {
            int a0 = a;
            int b0 = b;
            while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || ",;:–—-/".indexOf(s.charAt(b - 1)) >= 0)) {
                b--;
            }
            while (a < b && (Character.isWhitespace(s.charAt(a)) || ",;:.–—/".indexOf(s.charAt(a)) >= 0)) {
                a++;
            }
            if (b > a && s.charAt(b - 1) == '.' && !keepsFinalPeriod(s.substring(a, b), abbreviated)) {
                b--;
            }
            if (b - a >= 2 && OPENERS.indexOf(s.charAt(a)) >= 0 && CLOSERS.indexOf(s.charAt(b - 1)) >= 0
                    && wraps(s.charAt(a), s.charAt(b - 1), s.substring(a + 1, b - 1))) {
                a++;
                b--;
            } else if (b > a && CLOSERS.indexOf(s.charAt(b - 1)) >= 0 && depth(s.substring(a, b)) < 0) {
                b--;
            } else if (b > a && OPENERS.indexOf(s.charAt(a)) >= 0 && depth(s.substring(a, b)) > 0) {
                a++;
            }
            if (a == a0 && b == b0) {
                break;
            }
        }
        return s.substring(a, b).strip();
    }

    /**
     * Whether a final period belongs to the value: after an initial ("J.", "U.S."), "al." or "Jr.",
     * or, in a journal's name, after a short capitalised word when another word is abbreviated too
     * ("Phys. Rev.").
     */
    private static boolean keepsFinalPeriod(String v, boolean abbreviated) {
        int end = v.length() - 1;
        int start = end;
        while (start > 0 && Character.isLetter(v.charAt(start - 1))) {
            start--;
        }
        String word = v.substring(start, end);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        if (word.equals("al") || word.equals("Jr") || word.equals("Sr")) {
            return true;
        }
        return abbreviated && word.length() <= 5 && Character.isUpperCase(word.charAt(0))
                && ABBREVIATION.matcher(v).region(0, start).find();
    }

    /** Whether {@code open} and {@code close} wrap the whole of {@code inner}, not two parts of it. */
    private static boolean wraps(char open, char close, String inner) {
        if (depth(inner) != 0) {
            return false;
        }
        if (open == close) {
            return inner.indexOf(close) < 0;
        }
        int d = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == open) {
                d++;
            } else if (c == close && --d < 0) {
                return false;
            }
        }
        return d == 0;
    }

    /** Opening minus closing brackets, round and square. */
    private static int depth(String s) {
        return depth(s, '(', ')') + depth(s, '[', ']');
    }

    private static int depth(String s, char open, char close) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == open) {
                d++;
            } else if (s.charAt(i) == close) {
                d--;
            }
        }
        return d;
    }
}
