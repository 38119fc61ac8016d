package org.recto.references.notes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a citation that short forms are matched on: the author words and the title, and the
 * pinpoint pages of a short form ("Acharya, ‘Norm subsidiarity’, 97").
 */
public record ShortForm(List<String> authorWords, String title, String pages) {

    private static final Pattern TRAILING_PAGES = Pattern.compile(
            "[,\\s]*+(?:pp?\\.\\s*+)?(\\d[\\d\\s–—,-]{0,30}+)\\.?$");
    private static final Pattern PAGES_WORD = Pattern.compile("[,\\s]*+pp?\\.\\s*+(\\S[^,;]{0,30}+)\\.?$");

    /** Reads a short form: "Author, ‘Title’, pages", "Author ‘Title’", "‘Title’", "Author, Title". */
    public static ShortForm of(String citation) {
        String s = citation.strip();
        String pages = null;
        Matcher pw = PAGES_WORD.matcher(s);
        if (pw.find()) {
            pages = pw.group(1).replaceAll("[\\s.]+$", "");
            s = s.substring(0, pw.start());
        } else {
            Matcher m = TRAILING_PAGES.matcher(s);
            if (m.find() && m.start() > 0 && ",’”'\"".indexOf(lastNonSpace(s, m.start())) >= 0) {
                pages = m.group(1).replaceAll("[\\s.,]+$", "");
                s = s.substring(0, m.start());
            }
        }
        s = stripEnd(s);
        Quoting q = Quoting.of(s);
        int[] quote = q.firstQuote(s);
        String author;
        String title;
        if (quote != null) {
            author = s.substring(0, Math.max(0, quote[0] - 1));
            title = s.substring(quote[0], Math.max(quote[0], quote[1]));
        } else {
            int comma = s.indexOf(',');
            if (comma < 0) {
                author = "";
                title = s;
            } else {
                author = s.substring(0, comma);
                title = s.substring(comma + 1);
            }
        }
        return new ShortForm(words(author), normalize(title), pages);
    }

    private static char lastNonSpace(String s, int end) {
        int i = end;
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i == 0 ? ' ' : s.charAt(i - 1);
    }

    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && (Character.isWhitespace(s.charAt(e - 1)) || ".,;:".indexOf(s.charAt(e - 1)) >= 0)) {
            e--;
        }
        return s.substring(0, e);
    }

    /** Lower case, accents and punctuation removed, single spaces: what titles and names are compared in. */
    public static String normalize(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        boolean space = true;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
                space = false;
            } else if (c == '’' || c == '\'') {
                continue; // "Let’s" and "Lets" are the same word
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == ' ' ? b.substring(0, n - 1) : b.toString();
    }

    /** The normalised words of a name list, minus connectives. */
    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : normalize(s).split(" ")) {
            if (w.length() >= 2 && !List.of("and", "et", "eds", "ed").contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether every author word of this short form is (nearly) among {@code words}: "Hoffman" finds "Hoffmann". */
    public boolean authorIn(List<String> words) {
        for (String a : authorWords) {
            boolean found = false;
            for (String w : words) {
                if (similar(a, w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Whether the title is a prefix (at a word boundary) of one of {@code titles}. */
    public boolean titlePrefixOf(List<String> titles) {
        if (title.isEmpty()) {
            return false;
        }
        for (String t : titles) {
            if (t.startsWith(title) && (t.length() == title.length() || t.charAt(title.length()) == ' ')) {
                return true;
            }
        }
        return false;
    }

    static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) < 5 || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        return editDistanceAtMostOne(a, b);
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (a.length() > b.length()) {
            String t = a;
            a = b;
            b = t;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.substring(i).equals(b.substring(i + 1));
    }

    @Override
    public String toString() {
        return "ShortForm" + Arrays.asList(authorWords, title, pages);
    }
}
