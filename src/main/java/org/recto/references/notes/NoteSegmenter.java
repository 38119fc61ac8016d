package org.recto.references.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a note's text into pieces: candidate citations and commentary. A note's citations are
 * separated by semicolons, by sentence ends, and by ", and" after a complete citation; lead-ins such
 * as "For the general theory, see" or "Rashid Abdi, quoted in" and trailing prose such as "have
 * argued that …" are commentary. Only splits at the top level count (outside brackets and quotes).
 * Every step is a linear scan or a bounded, possessive match, so hostile notes cost linear time.
 */
public final class NoteSegmenter {

    /** How much a piece looks like a citation. */
    public enum Strength { STRONG, WEAK, PROSE }

    /** A piece of a note, {@code [start, end)} of its text; lead-ins and trailing prose have {@code strength} PROSE. */
    public record Piece(int start, int end, Strength strength) {
    }

    private static final Set<String> ABBREVIATIONS = Set.of("p", "pp", "vol", "vols", "no", "nos", "ed", "eds",
            "edn", "repr", "trans", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "doc", "ord", "ext", "exec",
            "assemb", "rev", "int", "univ", "dept", "co", "inc", "ltd", "corp", "gen", "gov", "sec", "art", "arts",
            "para", "paras", "ch", "chap", "cf", "eg", "ie", "al", "op", "cit", "loc", "n", "nn", "fn", "vs", "v",
            "supp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "res",
            "rep", "nr", "ff", "esp", "approx", "ca", "c", "fig", "figs", "ser", "pt", "pts", "bk", "sess", "comm",
            "dir", "hon", "rt", "cong", "cmd", "cmnd", "annex", "suppl", "ibid");

    private static final Set<String> PROSE_WORDS = Set.of("had", "has", "have", "is", "are", "was", "were", "been",
            "be", "not", "could", "would", "should", "will", "can", "may", "might", "must", "does", "did", "do",
            "it", "they", "he", "she", "we", "our", "their", "his", "her", "its", "which", "who", "whom",
            "because", "since", "although", "however", "but", "that", "this", "these", "those", "there", "none",
            "while", "whether", "requires", "shall", "if", "when", "than", "also", "only", "very", "such", "what");

    // "For the general theory, see", "Also see", "See also", "cf.", "e.g.": a lead-in before a citation.
    private static final Pattern LEAD_IN = Pattern.compile("(?i)^(?:(?:for|on)\\s[^;]{0,300}?[,–—]\\s*"
            + "|and\\s++|but\\s++)?(?:also\\s++)?(?:see|cf\\.|compare|e\\.g\\.)(?:\\s++also)?[:,]?\\s++");
    // "Rashid Abdi, quoted in": the words before the source are commentary.
    private static final Pattern QUOTED_IN = Pattern.compile("(?i)^[^;]{1,200}?\\b(?:quoted|cited)\\s++in\\s++");
    // A citation that ends with its pages and runs on into prose ("pp. 135–145 have argued that …").
    private static final Pattern PAGES_THEN_PROSE = Pattern.compile(
            "\\bpp?\\.\\s*+\\d++(?:\\s*+[–—-]\\s*+\\d++)?+\\s++(?=\\p{Ll}++\\s++\\p{Ll})");
    private static final Pattern COMPLETE_END = Pattern.compile("(?:\\bpp?\\.\\s*+[\\d–—-]++|\\(\\d{4}\\))$");
    private static final Pattern CONNECTIVE = Pattern.compile("(?i)(?:and|or|also)\\s++(?!see\\b)");
    private static final Pattern PAREN_YEAR = Pattern.compile("[(\\[][^()\\[\\]]{0,40}?(?:1[5-9]\\d\\d|20\\d\\d)\\s*+[)\\]]");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern PAGES = Pattern.compile("\\bpp?\\.\\s*+\\d");
    private static final Pattern NAME_FIRST = Pattern.compile(
            "^\\p{Lu}[\\p{L}'’\\-]++(?:\\s++\\p{Lu}[\\p{L}'’\\-]++){0,3}+,\\s++[\\p{Lu}‘“'\"]");
    private static final Pattern LINK = Pattern.compile("(?i)available\\s++at|https?://|www\\.|doi|\\{\\s*+\\}");
    private static final Pattern EDITORS = Pattern.compile("(?i)\\((?:eds?|edn|trans)\\.?\\)|\\bedited by\\b|\\bin:");
    private static final Pattern VOLUME = Pattern.compile("\\b\\d++:\\d++\\b|(?i)\\b(?:vol|no)\\.\\s*+\\d");
    private static final Pattern WORD = Pattern.compile("[\\p{L}’']++");

    private NoteSegmenter() {
    }

    public static List<Piece> segment(String text) {
        Quoting q = Quoting.of(text);
        List<int[]> parts = splitTopLevel(text, q);
        List<Piece> out = new ArrayList<>();
        for (int[] p : parts) {
            addPiece(text, q, p[0], p[1], out);
        }
        return out;
    }

    /** Cuts at semicolons, sentence ends and ", and" after a complete citation (all at top level). */
    private static List<int[]> splitTopLevel(String text, Quoting q) {
        List<int[]> parts = new ArrayList<>();
        int n = text.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (q.nested(i)) {
                continue;
            }
            char c = text.charAt(i);
            if (c == ';' && !parallelCitation(text, from, i)) {
                parts.add(new int[] {from, i});
                from = i + 1;
            } else if ((c == '.' || c == '?' || c == '!') && sentenceEnd(text, q, i)) {
                parts.add(new int[] {from, i + 1});
                from = i + 1;
            } else if (c == ',' && text.startsWith(" and ", i + 1) && completeCitation(text, from, i)
                    && startsCitation(text, i + 6)) {
                parts.add(new int[] {from, i});
                from = i + 6;
            }
        }
        parts.add(new int[] {from, n});
        return parts;
    }

    /** "v" or "v." between two names: the case name of a law report citation. */
    private static final Pattern CASE_NAME = Pattern.compile("\\S\\s+v\\.?\\s+\\S");

    /**
     * A further report of the same case: "[2017] 2 All SA 123", "2017 (3) SA 212", "410 U.S. 113" (a
     * year or volume, a reporter's abbreviation, a page).
     */
    private static final Pattern PARALLEL_REPORT = Pattern.compile(
            "\\s*(?:\\[\\d{4}]\\s*\\d*|\\(\\d{4}\\)\\s*\\d*|\\d{4}\\s*\\(\\d+\\)|\\d+)"
                    + "\\s+\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*){0,3}\\s+\\d+\\b");

    /**
     * Whether the semicolon at {@code i} only separates parallel citations of one court case ("Name v
     * Name [2017] ZAGPPHC 53; 2017 (3) SA 212 (GP)"), which are one citation, not two.
     */
    private static boolean parallelCitation(String text, int from, int i) {
        return CASE_NAME.matcher(text).region(from, i).find()
                && PARALLEL_REPORT.matcher(text).region(i + 1, text.length()).lookingAt();
    }

    private static boolean sentenceEnd(String text, Quoting q, int i) {
        int n = text.length();
        int j = i + 1;
        if (j >= n || !Character.isWhitespace(text.charAt(j))) {
            return false;
        }
        while (j < n && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j >= n) {
            return false;
        }
        char next = text.charAt(j);
        if (!(Character.isUpperCase(next) || "‘“'\"«".indexOf(next) >= 0)) {
            return false;
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        // the word before the period: an initial or a known abbreviation does not end a sentence
        int k = i;
        while (k > 0 && Character.isLetter(text.charAt(k - 1))) {
            k--;
        }
        String word = text.substring(k, i).toLowerCase(Locale.ROOT);
        if (word.length() == 1 || ABBREVIATIONS.contains(word) && !word.equals("ibid")) {
            return false;
        }
        return !(k > 0 && text.charAt(k - 1) == '.' && word.length() <= 2); // "U.S." "e.g."
    }

    /** Whether {@code [from, to)} ends like a complete citation: pinpoint pages, or a back-reference. */
    private static boolean completeCitation(String text, int from, int to) {
        String s = text.substring(from, to).strip();
        if (s.regionMatches(true, 0, "ibid", 0, 4) || s.regionMatches(true, 0, "idem", 0, 4)) {
            return true;
        }
        // only the end matters: look at a bounded tail, so many ", and" cost linear time
        String tail = s.substring(Math.max(0, s.length() - 40));
        return COMPLETE_END.matcher(tail).find();
    }

    private static boolean startsCitation(String text, int at) {
        return at < text.length() && (Character.isUpperCase(text.charAt(at)) || "‘“'\"".indexOf(text.charAt(at)) >= 0);
    }

    private static void addPiece(String text, Quoting q, int start, int end, List<Piece> out) {
        // trim white space and separators
        while (start < end && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == ',')) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        // a connective left by the split ("…; and Hoffmann, …") belongs to no citation
        Matcher connective = CONNECTIVE.matcher(text.substring(start, Math.min(end, start + 8)));
        if (connective.lookingAt() && start + connective.end() < end) {
            start += connective.end();
        }
        String s = text.substring(start, end);
        Matcher lead = LEAD_IN.matcher(s);
        Matcher quoted = QUOTED_IN.matcher(s);
        int cut = lead.find() ? lead.end() : quoted.find() ? quoted.end() : 0;
        if (cut == 0) {
            cut = colonLeadIn(text, q, start, end);
        }
        if (cut > 0 && cut < s.length()) {
            out.add(new Piece(start, start + cut, Strength.PROSE));
            start += cut;
            s = text.substring(start, end);
        }
        Matcher tail = PAGES_THEN_PROSE.matcher(s);
        int tailAt = -1;
        for (int tries = 0; tries < 4 && tail.find(); tries++) {
            if (!q.nested(start + tail.end()) && strength(s.substring(tail.end())) == Strength.PROSE) {
                tailAt = tail.end();
                break;
            }
        }
        if (tailAt > 0) {
            int citeEnd = start + tailAt;
            while (citeEnd > start && Character.isWhitespace(text.charAt(citeEnd - 1))) {
                citeEnd--;
            }
            out.add(new Piece(start, citeEnd, strength(text.substring(start, citeEnd))));
            out.add(new Piece(start + tailAt, end, Strength.PROSE));
            return;
        }
        out.add(new Piece(start, end, strength(s)));
    }

    /** "Richard Price treats three factors …: ‘Detecting ideas …’, in …": prose before a colon and a quoted title. */
    private static int colonLeadIn(String text, Quoting q, int start, int end) {
        for (int i = start; i < end - 2; i++) {
            if (text.charAt(i) == ':' && !q.nested(i) && text.charAt(i + 1) == ' '
                    && "‘“'\"".indexOf(text.charAt(i + 2)) >= 0) {
                String left = text.substring(start, i);
                if (left.split("\\s+").length >= 6 && !YEAR.matcher(left).find()) {
                    return i + 2 - start;
                }
                return 0;
            }
        }
        return 0;
    }

    /** Scores a piece: citation signals (quoted title, year, pages, link, "Name, Given") against prose words. */
    public static Strength strength(String s) {
        String outside = Quoting.of(s).outsideQuotes(s);
        int c = 0;
        if (outside.length() < s.length() - 2) {
            c += 3;
        }
        if (PAREN_YEAR.matcher(outside).find()) {
            c += 3; // "(2001)", "(16 April 2016)": a citation's date
        } else if (YEAR.matcher(outside).find()) {
            c += 2;
        }
        if (PAGES.matcher(outside).find()) {
            c += 2;
        }
        if (LINK.matcher(outside).find()) {
            c += 3;
        }
        if (NAME_FIRST.matcher(s).find()) {
            c += 2;
        }
        if (EDITORS.matcher(outside).find()) {
            c += 1;
        }
        if (VOLUME.matcher(outside).find()) {
            c += 1;
        }
        int p = 0;
        Matcher w = WORD.matcher(outside);
        while (w.find()) {
            if (PROSE_WORDS.contains(w.group().toLowerCase(Locale.ROOT))) {
                p++;
            }
        }
        if (c - 2 * p >= 3) {
            return Strength.STRONG;
        }
        if (c >= 2 && c - 2 * p > 0) {
            return Strength.WEAK;
        }
        return Strength.PROSE;
    }
}
