package org.recto.references;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recto.references.internal.Tokenizer;
import org.recto.references.internal.Tokens;

/**
 * Finds and normalises the identifiers a reference string carries: DOIs (bare {@code 10.xxxx/…},
 * {@code doi:}, {@code https://doi.org/…}, {@code dx.doi.org}), URLs and ISBNs (check digit verified).
 * Patterns are simple and possessive, so matching is linear in the text.
 */
public final class Identifiers {

    // The DOI itself: "10." registrant "/" suffix (no white space; the suffix may hold almost anything).
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}+(?:\\.\\d++)*+/[^\\s\"<>]++");
    private static final Pattern ISBN_CANDIDATE = Pattern.compile("(?<![\\dXx])(?:97[89][-\\s\u2010-\u2015]?)?"
            + "\\d(?:[-\\s\u2010-\u2015]?\\d){8}+[-\\s\u2010-\u2015]?[\\dXx](?![\\dXx])");

    private Identifiers() {
    }

    /** Every DOI in the text, normalised (no prefix, no trailing punctuation), in order. */
    public static List<String> findDois(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = DOI.matcher(text);
        while (m.find()) {
            String d = stripTrailing(m.group());
            if (d.indexOf('/') < d.length() - 1) {
                out.add(d);
            }
        }
        return out;
    }

    public static Optional<String> findDoi(String text) {
        List<String> all = findDois(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * A DOI written in any of the usual ways, normalised: resolver prefix and "doi:" removed,
     * trailing punctuation removed; empty if there is no DOI in it.
     */
    public static Optional<String> normalizeDoi(String doi) {
        return findDoi(doi == null ? null : doi.replaceAll("\\s*+/\\s*+", "/"));
    }

    /** Whether two DOIs name the same object (DOIs are case-insensitive). */
    public static boolean sameDoi(String a, String b) {
        Optional<String> x = normalizeDoi(a);
        Optional<String> y = normalizeDoi(b);
        return x.isPresent() && y.isPresent() && x.get().toLowerCase(Locale.ROOT).equals(y.get().toLowerCase(Locale.ROOT));
    }

    /** The resolver link for a DOI. */
    public static String doiUrl(String doi) {
        return "https://doi.org/" + normalizeDoi(doi).orElseThrow(() -> new IllegalArgumentException("not a DOI: " + doi));
    }

    /**
     * Every URL in the text (trailing punctuation removed), in order: the URLs the reference
     * tokenizer finds, cut where it cuts them (at white space, before trailing punctuation and
     * unbalanced closing brackets), so that a field's URL is the token the parser labelled.
     */
    public static List<String> findUrls(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Tokens tokens = Tokenizer.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.token(i);
            if (t.length() > 7 && isUrlStart(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether a token begins as a URL does (only a whole link token can: the tokenizer splits at ":" and "."). */
    private static boolean isUrlStart(String t) {
        return t.regionMatches(true, 0, "http://", 0, 7) || t.regionMatches(true, 0, "https://", 0, 8)
                || t.regionMatches(true, 0, "ftp://", 0, 6) || t.regionMatches(true, 0, "www.", 0, 4);
    }

    public static Optional<String> findUrl(String text) {
        List<String> all = findUrls(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every valid ISBN-10 or ISBN-13 in the text, as digits (and a final X), in order. */
    public static List<String> findIsbns(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = ISBN_CANDIDATE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[^\\dXx]", "").toUpperCase(Locale.ROOT);
            if (isValidIsbn(digits)) {
                out.add(digits);
            }
        }
        return out;
    }

    public static Optional<String> findIsbn(String text) {
        List<String> all = findIsbns(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Whether the string (hyphens and spaces allowed) is an ISBN-10 or ISBN-13 with a right check digit. */
    public static boolean isValidIsbn(String isbn) {
        if (isbn == null) {
            return false;
        }
        String d = isbn.replaceAll("[-\\s\u2010-\u2015]", "").toUpperCase(Locale.ROOT);
        if (d.length() == 10) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                char c = d.charAt(i);
                int v;
                if (c == 'X' && i == 9) {
                    v = 10;
                } else if (c >= '0' && c <= '9') {
                    v = c - '0';
                } else {
                    return false;
                }
                sum += v * (10 - i);
            }
            return sum % 11 == 0;
        }
        if (d.length() == 13 && (d.startsWith("978") || d.startsWith("979"))) {
            int sum = 0;
            for (int i = 0; i < 13; i++) {
                char c = d.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                sum += (c - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return sum % 10 == 0;
        }
        return false;
    }

    /** Drops trailing sentence punctuation and unbalanced closing brackets, as the tokenizer does. */
    private static String stripTrailing(String s) {
        return s.isEmpty() ? s : s.substring(0, Tokenizer.linkEnd(s, 0, s.length()));
    }
}
