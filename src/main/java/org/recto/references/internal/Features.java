package org.recto.references.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the tokens of a reference string into CRF observation features, each a 64-bit hash of a
 * template and a value (the model stores hashes, never feature strings, which keeps it small).
 *
 * <p>Per token: the word, its shape, affixes, type (year, number, initial, …), a small lexicon of
 * citation cue words (months, "eds", "pp", "vol", "press", …), white space around it, its position,
 * whether it sits in brackets or quotes, what has been seen before it (a year, a closing quote,
 * "In"), how far the nearest years lie before and after it, and the same for its neighbours up to
 * three tokens away (and the pairs of words on each side). Tokens are also placed among the string's segments, the
 * runs between delimiting punctuation: which segment, where in it, the marks that open and close it
 * and what lies beyond them ("a run of capitalised words closed by a comma and then a number" is a
 * journal before its volume), which is where most field boundaries fall; and in the names a {@link
 * Gazetteer} knows. Every feature is computed in one left-to-right and one right-to-left pass (the
 * names in at most {@link Gazetteer#MAX_WORDS} look-ups per word), so extraction is linear in the
 * string's length.
 */
public final class Features {

    // token types
    private static final int T_YEAR = 1;
    private static final int T_NUM = 2;
    private static final int T_ROMAN = 3;
    private static final int T_INITIAL = 4;
    private static final int T_ALLCAPS = 5;
    private static final int T_CAP = 6;
    private static final int T_LOWER = 7;
    private static final int T_MIXED = 8;
    private static final int T_ALNUM = 9;
    private static final int T_PUNCT = 10;
    private static final int T_CJK = 11;
    private static final int T_LINK = 12;
    private static final int T_OTHER = 13;

    private static final Map<String, String> LEXICON = lexicon();

    /** No token gets more features than this, so extraction is linear in the number of tokens. */
    public static final int MAX_PER_TOKEN = 96;

    private Features() {
    }

    /** Per token, its feature hashes. */
    public static long[][] extract(Tokens toks) {
        return extract(analyse(toks), 0);
    }

    public static long[][] extract(Tokens toks, int style) {
        return extract(analyse(toks), style);
    }

    /** What every feature of a token starts from, computed once per token. */
    public record Analysis(Tokens toks, String[] lower, int[] type, long[] wordHash, long[] shapeHash) {
    }

    public static Analysis analyse(Tokens toks) {
        int n = toks.size();
        String[] lower = new String[n];
        int[] type = new int[n];
        long[] wordHash = new long[n];
        long[] shapeHash = new long[n];
        for (int i = 0; i < n; i++) {
            String t = toks.token(i);
            String lw = t.toLowerCase(Locale.ROOT);
            lower[i] = lw;
            type[i] = type(t, toks, i);
            wordHash[i] = type[i] == T_NUM && t.length() > 4 ? hash("NUM" + t.length()) : hash(lw);
            shapeHash[i] = shapeHash(t, true);
        }
        return new Analysis(toks, lower, type, wordHash, shapeHash);
    }

    /**
     * Per token, its feature hashes; {@code style} (0 none) is the labelling convention to follow, as
     * a {@link StyleClassifier#band}, conjoined with the features that decide where fields begin and end.
     */
    public static long[][] extract(Analysis an, int style) {
        return extract(an, style, null);
    }

    /** The same, with the names of {@code known} that the string contains (null for none). */
    public static long[][] extract(Analysis an, int style, Gazetteer known) {
        Tokens toks = an.toks();
        int n = toks.size();
        String[] lower = an.lower();
        int[] type = an.type();
        long[] wordHash = an.wordHash();
        long[] shapeHash = an.shapeHash();
        // left-to-right state
        int[] state = new int[n];
        int[] seen = new int[n];
        int[] periods = new int[n];
        int[] commas = new int[n];
        long[] prevWord = new long[n];
        int paren = 0;
        int square = 0;
        boolean dq = false;
        boolean sq = false;
        int years = 0;
        boolean quoteClosed = false;
        boolean inMarker = false;
        int nPeriods = 0;
        int nCommas = 0;
        long lastWord = hash("<s>");
        for (int i = 0; i < n; i++) {
            String t = lower[i];
            state[i] = (paren > 0 ? 1 : 0) | (square > 0 ? 2 : 0) | (dq ? 4 : 0) | (sq ? 8 : 0);
            seen[i] = Math.min(years, 2) | (quoteClosed ? 4 : 0) | (inMarker ? 8 : 0);
            periods[i] = Math.min(nPeriods, 6);
            commas[i] = Math.min(nCommas, 6);
            prevWord[i] = lastWord;
            if (t.length() == 1) {
                char c = t.charAt(0);
                switch (c) {
                    case '(' -> paren++;
                    case ')' -> paren = Math.max(0, paren - 1);
                    case '[' -> square++;
                    case ']' -> square = Math.max(0, square - 1);
                    case '“', '«', '„' -> dq = true;
                    case '”', '»' -> {
                        dq = false;
                        quoteClosed = true;
                    }
                    case '"' -> {
                        if (dq) {
                            quoteClosed = true;
                        }
                        dq = !dq;
                    }
                    case '‘' -> sq = true;
                    case '’', '\'' -> {
                        // an apostrophe inside a word is no quote
                        boolean closing = toks.spaceAfter(i) || i + 1 < n && type[i + 1] == T_PUNCT;
                        if (sq && closing) {
                            sq = false;
                            quoteClosed = true;
                        } else if (c == '\'' && toks.spaceBefore(i) && !toks.spaceAfter(i)) {
                            sq = true;
                        }
                    }
                    case '.' -> nPeriods++;
                    case ',' -> nCommas++;
                    default -> {
                    }
                }
            }
            if (type[i] == T_YEAR) {
                years++;
            }
            if (t.equals("in") && (i == 0 || type[i - 1] == T_PUNCT)) {
                inMarker = true;
            }
            if (type[i] != T_PUNCT) {
                lastWord = wordHash[i];
            }
        }
        long[] nextWord = new long[n];
        long next = hash("</s>");
        for (int i = n - 1; i >= 0; i--) {
            nextWord[i] = next;
            if (type[i] != T_PUNCT) {
                next = wordHash[i];
            }
        }

        // how far the nearest year lies before and after each token
        int[] yearBefore = new int[n];
        int[] yearAfter = new int[n];
        int last = -100;
        for (int i = 0; i < n; i++) {
            yearBefore[i] = Math.min(i - last, 9);
            if (type[i] == T_YEAR) {
                last = i;
            }
        }
        last = n + 100;
        for (int i = n - 1; i >= 0; i--) {
            yearAfter[i] = Math.min(last - i, 9);
            if (type[i] == T_YEAR) {
                last = i;
            }
        }

        Segments seg = segments(an);
        Gazetteer.Matches names = known == null ? null : known.match(an);

        long[][] out = new long[n][];
        long[] buf = new long[MAX_PER_TOKEN];
        for (int i = 0; i < n; i++) {
            int k = 0;
            String w = lower[i];
            buf[k++] = f(1, 0);
            buf[k++] = f(2, wordHash[i]);
            buf[k++] = f(3, shapeHash[i]);
            buf[k++] = f(4, shapeHash(toks.text(), toks.start()[i], toks.end()[i], false));
            int len = w.length();
            if (type[i] != T_PUNCT && type[i] != T_LINK) {
                for (int a = 1; a <= 3 && a < len; a++) {
                    buf[k++] = f(5 + a, hash(w, 0, a));
                    buf[k++] = f(9 + a, hash(w, len - a, len));
                }
            }
            buf[k++] = f(13, Math.min(len, 8));
            buf[k++] = f(14, type[i]);
            String lex = LEXICON.get(w);
            if (lex != null) {
                buf[k++] = f(15, hash(lex));
            }
            buf[k++] = f(16, (toks.spaceBefore(i) ? 1 : 0) | (toks.spaceAfter(i) ? 2 : 0));
            buf[k++] = f(17, (10L * i) / n);
            buf[k++] = f(18, Math.min(i, 12));
            buf[k++] = f(19, Math.min(n - 1 - i, 12));
            buf[k++] = f(20, state[i]);
            buf[k++] = f(21, seen[i]);
            buf[k++] = f(22, periods[i]);
            buf[k++] = f(23, commas[i]);
            buf[k++] = f(24, i > 0 ? wordHash[i - 1] : hash("<s>"));
            buf[k++] = f(25, i + 1 < n ? wordHash[i + 1] : hash("</s>"));
            buf[k++] = f(26, i > 1 ? wordHash[i - 2] : hash("<s>"));
            buf[k++] = f(27, i + 2 < n ? wordHash[i + 2] : hash("</s>"));
            buf[k++] = f(28, i > 0 ? shapeHash[i - 1] : hash("<s>"));
            buf[k++] = f(29, i + 1 < n ? shapeHash[i + 1] : hash("</s>"));
            buf[k++] = f(30, mix(i > 0 ? wordHash[i - 1] : 7, wordHash[i]));
            buf[k++] = f(31, mix(wordHash[i], i + 1 < n ? wordHash[i + 1] : 7));
            buf[k++] = f(32, (i > 0 ? type[i - 1] : 0) * 256L + type[i] * 16L + (i + 1 < n ? type[i + 1] : 0));
            buf[k++] = f(33, prevWord[i]);
            buf[k++] = f(34, nextWord[i]);
            buf[k++] = f(35, mix(state[i], type[i]));
            buf[k++] = f(36, mix(seen[i], type[i]));
            if (lex != null || type[i] == T_YEAR || type[i] == T_NUM) {
                buf[k++] = f(37, mix(seen[i], wordHash[i]));
            }
            String prevLex = i > 0 ? LEXICON.get(lower[i - 1]) : null;
            if (prevLex != null) {
                buf[k++] = f(38, hash(prevLex));
            }
            String prev2Lex = i > 1 ? LEXICON.get(lower[i - 2]) : null;
            if (prev2Lex != null) {
                buf[k++] = f(39, hash(prev2Lex));
            }
            // where the token sits among the punctuation-delimited segments of the string
            int sg = seg.id[i];
            if (sg < 0) {
                buf[k++] = f(40, mix(hash(w), mix(i > 0 ? type[i - 1] : 0, i + 1 < n ? type[i + 1] : 0)));
                buf[k++] = f(41, mix(hash(w), Math.min(seg.count, 12)));
            } else {
                int from = seg.from[sg];
                int to = seg.to[sg];
                int segLength = to - from;
                int pos = segLength == 1 ? 0 : i == from ? 1 : i == to - 1 ? 2 : 3;
                long open = seg.open[sg];
                long close = seg.close[sg];
                buf[k++] = f(42, mix(open, close));
                buf[k++] = f(43, mix(pos, mix(open, close)));
                buf[k++] = f(44, Math.min(sg, 10));
                buf[k++] = f(45, Math.min(seg.count - 1 - sg, 10));
                buf[k++] = f(46, segLength <= 3 ? segLength : segLength <= 6 ? 5 : segLength <= 12 ? 9 : 13);
                buf[k++] = f(47, mix(wordHash[from], pos));
                buf[k++] = f(48, seg.flags[sg]);
                buf[k++] = f(49, mix(seg.flags[sg], type[i]));
                buf[k++] = f(50, mix(close, seg.nextType[sg]));
                buf[k++] = f(51, mix(open, seg.prevType[sg]));
                buf[k++] = f(52, mix(wordHash[to - 1], pos));
                buf[k++] = f(53, mix(seg.capsShare[sg], segLength <= 3 ? 0 : 1));
                if (style != 0) {
                    buf[k++] = f(54, mix(style, mix(open, close)));
                    buf[k++] = f(55, mix(style, mix(seg.flags[sg], pos)));
                }
            }
            if (names != null) {
                int kinds = names.kinds()[i];
                if (kinds != 0) {
                    int a = names.first()[i];
                    int b = names.last()[i];
                    int pos = a == b ? 0 : i == a ? 1 : i == b ? 2 : 3;
                    boolean wholeSegment = sg >= 0 && a == seg.from[sg] && b == seg.to[sg] - 1;
                    buf[k++] = f(56, mix(kinds, pos));
                    buf[k++] = f(57, mix(kinds, mix(wholeSegment ? 1 : 0, b - a >= 1 ? 1 : 0)));
                    buf[k++] = f(58, mix(style, mix(kinds, pos)));
                }
                if (i > 0 && names.kinds()[i - 1] != 0 && names.kinds()[i] != names.kinds()[i - 1]) {
                    buf[k++] = f(59, mix(names.kinds()[i - 1], 1));
                }
                if (i + 1 < n && names.kinds()[i + 1] != 0 && names.kinds()[i] != names.kinds()[i + 1]) {
                    buf[k++] = f(59, mix(names.kinds()[i + 1], 2));
                }
            }
            if (style != 0) {
                buf[k++] = f(60, style);
                buf[k++] = f(61, mix(style, wordHash[i]));
                buf[k++] = f(62, mix(style, type[i]));
                buf[k++] = f(63, mix(style, i > 0 ? wordHash[i - 1] : 7));
                buf[k++] = f(64, mix(style, i + 1 < n ? wordHash[i + 1] : 7));
                buf[k++] = f(65, mix(style, state[i]));
                buf[k++] = f(66, mix(style, seen[i]));
                if (lex != null) {
                    buf[k++] = f(67, mix(style, hash(lex)));
                }
                if (prevLex != null) {
                    buf[k++] = f(68, mix(style, hash(prevLex)));
                }
            }
            // wider context: words three away, the word pairs on each side, the nearest years
            buf[k++] = f(69, i > 2 ? wordHash[i - 3] : hash("<s>"));
            buf[k++] = f(70, i + 3 < n ? wordHash[i + 3] : hash("</s>"));
            buf[k++] = f(71, mix(i > 1 ? wordHash[i - 2] : 7, i > 0 ? wordHash[i - 1] : 7));
            buf[k++] = f(72, mix(i + 1 < n ? wordHash[i + 1] : 7, i + 2 < n ? wordHash[i + 2] : 7));
            buf[k++] = f(73, yearBefore[i] * 16L + yearAfter[i]);
            buf[k++] = f(74, mix(yearBefore[i] * 16L + yearAfter[i], type[i]));
            long[] feats = new long[k];
            System.arraycopy(buf, 0, feats, 0, k);
            out[i] = feats;
        }
        return out;
    }

    /**
     * The runs of tokens between delimiting punctuation (. , ; : brackets and quotes): per token its
     * run (or -1 for a delimiter), per run its span, the marks that open and close it, the types of the
     * tokens beyond them, and a few facts about its content (a year, digits, a cue word, capitals).
     */
    private record Segments(int[] id, int count, int[] from, int[] to, long[] open, long[] close,
            int[] prevType, int[] nextType, int[] flags, int[] capsShare) {
    }

    private static final String DELIMITERS = ".,;:()[]\"“”«»„";

    private static Segments segments(Analysis an) {
        Tokens toks = an.toks();
        int n = toks.size();
        int[] id = new int[n];
        int[] from = new int[n];
        int[] to = new int[n];
        int count = 0;
        int i = 0;
        while (i < n) {
            if (isDelimiter(an, i)) {
                id[i++] = -1;
                continue;
            }
            int j = i;
            while (j < n && !isDelimiter(an, j)) {
                id[j++] = count;
            }
            from[count] = i;
            to[count] = j;
            count++;
            i = j;
        }
        long[] open = new long[count];
        long[] close = new long[count];
        int[] prevType = new int[count];
        int[] nextType = new int[count];
        int[] flags = new int[count];
        int[] caps = new int[count];
        int[] type = an.type();
        for (int g = 0; g < count; g++) {
            // the marks between this run and its neighbours, as one string (", (" or ".")
            open[g] = marks(an, g == 0 ? 0 : to[g - 1], from[g]);
            close[g] = marks(an, to[g], g + 1 < count ? from[g + 1] : n);
            prevType[g] = g == 0 ? 0 : type[to[g - 1] - 1];
            nextType[g] = g + 1 < count ? type[from[g + 1]] : 0;
            int f = 0;
            int words = 0;
            int capital = 0;
            for (int t = from[g]; t < to[g]; t++) {
                int ty = type[t];
                if (ty == T_YEAR) {
                    f |= 1;
                } else if (ty == T_NUM || ty == T_ALNUM || ty == T_ROMAN) {
                    f |= 2;
                }
                if (LEXICON.containsKey(an.lower()[t])) {
                    f |= 4;
                }
                if (ty == T_CAP || ty == T_ALLCAPS || ty == T_INITIAL || ty == T_LOWER || ty == T_MIXED) {
                    words++;
                    if (ty != T_LOWER) {
                        capital++;
                    }
                }
            }
            if (to[g] - from[g] == 1 && type[from[g]] == T_INITIAL) {
                f |= 8;
            }
            flags[g] = f;
            caps[g] = words == 0 ? 0 : 1 + (4 * capital) / (words + 1);
        }
        return new Segments(id, count, from, to, open, close, prevType, nextType, flags, caps);
    }

    private static boolean isDelimiter(Analysis an, int i) {
        String t = an.lower()[i];
        return t.length() == 1 && DELIMITERS.indexOf(t.charAt(0)) >= 0;
    }

    private static long marks(Analysis an, int from, int to) {
        if (from >= to) {
            return from == 0 ? hash("<s>") : hash("</s>");
        }
        long h = 0xcbf29ce484222325L;
        for (int t = from; t < to && t < from + 3; t++) {
            h = mix(h, an.lower()[t].charAt(0));
        }
        return h;
    }

    private static int type(String t, Tokens toks, int i) {
        int len = t.length();
        int cp = t.codePointAt(0);
        if (len > 6 && (t.contains("://") || t.startsWith("www.") || t.startsWith("10.") && t.indexOf('/') > 0)) {
            return T_LINK;
        }
        if (!Tokenizer.isWordChar(cp)) {
            return T_PUNCT;
        }
        if (Tokenizer.isCjk(cp)) {
            return T_CJK;
        }
        int digits = 0;
        int upper = 0;
        int lowerCount = 0;
        for (int k = 0; k < len; k++) {
            char c = t.charAt(k);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lowerCount++;
            }
        }
        if (digits == len) {
            if (len == 4 && (t.startsWith("1") && t.charAt(1) >= '5' || t.startsWith("20"))) {
                return T_YEAR;
            }
            return T_NUM;
        }
        if (digits == 4 && len == 5 && Character.isLetter(t.charAt(4)) && (t.startsWith("19") || t.startsWith("20"))) {
            return T_YEAR; // 1998a
        }
        if (digits > 0) {
            return T_ALNUM;
        }
        if (len == 1 && upper == 1) {
            return T_INITIAL;
        }
        if (isRoman(t)) {
            return T_ROMAN;
        }
        if (upper == len) {
            return T_ALLCAPS;
        }
        if (upper == 1 && Character.isUpperCase(t.charAt(0))) {
            return T_CAP;
        }
        if (lowerCount == len) {
            return T_LOWER;
        }
        if (upper + lowerCount == len) {
            return T_MIXED;
        }
        return T_OTHER;
    }

    private static boolean isRoman(String t) {
        if (t.length() < 2 || t.length() > 8) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if ("IVXLCDM".indexOf(t.charAt(k)) < 0 && "ivxlcdm".indexOf(t.charAt(k)) < 0) {
                return false;
            }
        }
        return t.equals(t.toUpperCase(Locale.ROOT)) || t.equals(t.toLowerCase(Locale.ROOT));
    }

    /** Upper case to X, lower to x, digits to d, other kept; collapsed (runs merged) or long (max 8). */
    static String shape(String t, boolean collapse) {
        StringBuilder b = new StringBuilder(Math.min(t.length(), 8));
        char last = 0;
        int n = Math.min(t.length(), collapse ? 64 : 8);
        for (int k = 0; k < n; k++) {
            char c = t.charAt(k);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
                    : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'l' : c;
            if (!collapse || s != last) {
                b.append(s);
            }
            last = s;
        }
        return b.toString();
    }

    /** Feature keys keep 40 bits: collisions stay negligible and the stored model stays small. */
    static final long KEY_MASK = (1L << 40) - 1;

    static long f(int template, long value) {
        return mix(template * 0x9E3779B97F4A7C15L, value) & KEY_MASK;
    }

    static long mix(long a, long b) {
        long h = a ^ (b + 0x9E3779B97F4A7C15L + (a << 6) + (a >>> 2));
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long hash(String s) {
        return hash(s, 0, s.length());
    }

    static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int k = from; k < to; k++) {
            h ^= s.charAt(k);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The hash of {@link #shape}, without building the string. */
    static long shapeHash(String t, boolean collapse) {
        return shapeHash(t, 0, t.length(), collapse);
    }

    static long shapeHash(String text, int from, int to, boolean collapse) {
        long h = 0xcbf29ce484222325L;
        char last = 0;
        int end = Math.min(to, from + (collapse ? 64 : 8));
        for (int k = from; k < end; k++) {
            char c = text.charAt(k);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
                    : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'l' : c;
            if (!collapse || s != last) {
                h ^= s;
                h *= 0x100000001b3L;
            }
            last = s;
        }
        return h;
    }

    private static Map<String, String> lexicon() {
        Map<String, String> m = new HashMap<>();
        put(m, "MONTH", "jan january feb february mar march apr april may jun june jul july aug august sep sept"
                + " september oct october nov november dec december janvier février fevrier mars avril mai juin"
                + " juillet août aout septembre octobre novembre décembre januar februar märz juni juli"
                + " oktober dezember enero febrero marzo abril mayo junio julio agosto septiembre octubre"
                + " noviembre diciembre spring summer autumn fall winter");
        put(m, "EDITOR", "ed eds editor editors edited édit éd éds hrsg hg herausgegeben dir coord ред");
        put(m, "PAGES", "p pp pages page pgs ss s");
        put(m, "VOLUME", "vol vols volume volumes bd jg tome t");
        put(m, "ISSUE", "no nr num number issue iss heft n");
        put(m, "IN", "in");
        put(m, "PUBLISHER", "press publisher publishers publishing verlag éditions editions university univ"
                + " universität université presses books inc ltd co company gmbh");
        put(m, "JOURNAL", "journal j proc proceedings conference conf symposium workshop transactions"
                + " review rev letters lett bulletin bull annals ann acta phys physical");
        put(m, "GENRE", "thesis dissertation phd ph report technical tech preprint working paper thèse");
        put(m, "ID", "doi isbn issn url http https arxiv pmid pmcid available retrieved accessed online www"
                + " hdl");
        put(m, "AND", "and & et und y e");
        put(m, "ETAL", "al");
        put(m, "TRANS", "trans translated transl translator tr übers trad");
        put(m, "EDITION", "edn edition auflage aufl revised");
        return Map.copyOf(m);
    }

    private static void put(Map<String, String> m, String cls, String words) {
        for (String w : words.split(" ")) {
            m.putIfAbsent(w, cls);
        }
    }
}
