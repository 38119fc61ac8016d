package org.recto.references.internal;

import java.util.Arrays;

/**
 * Splits a reference string into tokens: runs of letters and digits, each punctuation mark on its
 * own (so "10(2)" gives "10", "(", "2", ")" and a field can end where GROBID's do), each CJK
 * ideograph or kana on its own, and URLs and DOIs whole. One pass over the string: linear time.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static Tokens tokenize(String text) {
        Builder out = new Builder(Math.max(8, text.length() / 3));
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isSeparator(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int j = i;
            while (j < n) {
                int c = text.codePointAt(j);
                if (isSeparator(c)) {
                    break;
                }
                j += Character.charCount(c);
            }
            int link = linkStart(text, i, j);
            if (link >= 0) {
                int linkEnd = linkEnd(text, link, doiEnd(text, link, j));
                splitFine(text, i, link, out);
                out.add(link, linkEnd);
                splitFine(text, linkEnd, j, out);
            } else {
                splitFine(text, i, j, out);
            }
            i = j;
        }
        return new Tokens(text, Arrays.copyOf(out.starts, out.size), Arrays.copyOf(out.ends, out.size), out.size);
    }

    /** Letters, digits and combining marks form words; everything else stands alone. */
    private static void splitFine(String text, int from, int to, Builder out) {
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isWordChar(cp) && !isCjk(cp)) {
                int j = i + len;
                boolean digit = Character.isDigit(cp);
                while (j < to) {
                    int c = text.codePointAt(j);
                    // "D91" and "12pp" split where letters meet digits: GROBID fields end there
                    if (!isWordChar(c) || isCjk(c) || Character.isDigit(c) != digit && !isMark(c)) {
                        break;
                    }
                    j += Character.charCount(c);
                }
                out.add(i, j);
                i = j;
            } else {
                // a mark, or one ideograph, plus any combining marks that follow it
                int j = i + len;
                while (j < to && isMark(text.codePointAt(j))) {
                    j += Character.charCount(text.codePointAt(j));
                }
                out.add(i, j);
                i = j;
            }
        }
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || isMark(cp);
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    /** White space, control and invisible format characters separate tokens and belong to none. */
    static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT;
    }

    /** Where a URL or DOI starts inside the chunk {@code [from, to)} ("doi:10.…", "(https://…"), or -1. */
    private static int linkStart(String text, int from, int to) {
        if (to - from < 8) {
            return -1;
        }
        for (int s = from; s < to - 7; s++) {
            if (s > from && Character.isLetterOrDigit(text.charAt(s - 1))) {
                continue;
            }
            char c = Character.toLowerCase(text.charAt(s));
            if (c == 'h' && (regionMatches(text, s, to, "http://") || regionMatches(text, s, to, "https://"))
                    || c == 'f' && regionMatches(text, s, to, "ftp://")
                    || c == 'w' && regionMatches(text, s, to, "www.")) {
                return s;
            }
            // a DOI: 10.NNNN/…
            if (c == '1' && regionMatches(text, s, to, "10.")) {
                int k = s + 3;
                int digits = 0;
                while (k < to && Character.isDigit(text.charAt(k))) {
                    k++;
                    digits++;
                }
                if (digits >= 4 && k + 1 < to && text.charAt(k) == '/') {
                    return s;
                }
            }
        }
        return -1;
    }

    private static boolean regionMatches(String text, int s, int to, String prefix) {
        return to - s >= prefix.length() && text.regionMatches(true, s, prefix, 0, prefix.length());
    }

    /**
     * Where a DOI ends at the latest: before a comma ("doi:10.1/x,arXiv:…") and before a ".URL" glued
     * to it, as GROBID's physics strings have them. URLs end at white space only.
     */
    private static int doiEnd(String text, int from, int to) {
        if (!text.startsWith("10.", from)) {
            return to;
        }
        int e = to;
        int comma = text.indexOf(',', from);
        if (comma > from && comma < e) {
            e = comma;
        }
        if (e - from > 8 && text.regionMatches(true, e - 4, ".url", 0, 4)) {
            e -= 4;
        }
        return e;
    }

    /**
     * Where the link (a URL or a DOI) in {@code [from, to)} ends: trailing sentence punctuation and
     * unbalanced closing brackets are not part of it. {@code references.Identifiers} trims with it too,
     * so that the two never cut the same link differently.
     */
    public static int linkEnd(String text, int from, int to) {
        // bracket balance of the whole chunk, counted once so that stripping stays linear
        int paren = 0;
        int square = 0;
        int curly = 0;
        for (int k = from; k < to; k++) {
            switch (text.charAt(k)) {
                case '(' -> paren++;
                case ')' -> paren--;
                case '[' -> square++;
                case ']' -> square--;
                case '{' -> curly++;
                case '}' -> curly--;
                default -> { }
            }
        }
        int e = to;
        while (e > from + 1) {
            char c = text.charAt(e - 1);
            if (".,;:\"'”’»>".indexOf(c) >= 0) {
                e--;
            } else if (c == ')' && paren < 0) {
                paren++;
                e--;
            } else if (c == ']' && square < 0) {
                square++;
                e--;
            } else if (c == '}' && curly < 0) {
                curly++;
                e--;
            } else {
                break;
            }
        }
        return e;
    }

    private static final class Builder {
        int[] starts;
        int[] ends;
        int size;

        Builder(int capacity) {
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(int s, int e) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = s;
            ends[size] = e;
            size++;
        }
    }
}
