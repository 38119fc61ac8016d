package org.recto.jats.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers: whitespace, escaping, identifiers (DOI, ORCID) and the URLs that may become links. */
public final class Text {

    private static final Pattern ORCID = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])");
    private static final String[] DOI_PREFIXES = {
        "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
        "https://www.doi.org/", "http://www.doi.org/", "doi.org/", "dx.doi.org/", "info:doi/", "doi:", "doi "
    };

    private Text() {
    }

    static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** Collapses runs of XML whitespace into one space and trims; "" when nothing is left. */
    public static String normalize(CharSequence s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        // Fast path, one pass: most texts are normal already (no edge spaces, single spaces only).
        boolean normal = n == 0 || (s.charAt(0) != ' ' && s.charAt(n - 1) != ' ');
        for (int i = 0; normal && i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' && (c != ' ' || s.charAt(i + 1) == ' ') && isXmlSpace(c)) {
                normal = false;
            }
        }
        if (normal) {
            return s.toString();
        }
        StringBuilder out = new StringBuilder(n);
        boolean space = true; // drops leading whitespace
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isXmlSpace(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /** {@link #normalize(CharSequence)} over a char buffer, without per-character calls. */
    static String normalize(Out o) {
        char[] c = o.array();
        int start = 0;
        int end = o.length();
        while (start < end && isXmlSpace(c[start])) {
            start++;
        }
        while (end > start && isXmlSpace(c[end - 1])) {
            end--;
        }
        boolean normal = true;
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (ch <= ' ' && isXmlSpace(ch) && (ch != ' ' || c[i + 1] == ' ')) {
                normal = false;
                break;
            }
        }
        if (normal) {
            return new String(c, start, end - start);
        }
        char[] out = new char[end - start];
        int n = 0;
        boolean space = false;
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (isXmlSpace(ch)) {
                if (!space) {
                    out[n++] = ' ';
                    space = true;
                }
            } else {
                out[n++] = ch;
                space = false;
            }
        }
        return new String(out, 0, n);
    }

    /** The text stripped, or null when it is null or blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** As {@link #normalize}, but null for nothing. */
    static String normalizeOrNull(CharSequence s) {
        String t = normalize(s);
        return t.isEmpty() ? null : t;
    }

    /** A DOI without resolver or scheme prefixes, trimmed, case kept; null for nothing. */
    public static String doi(String s) {
        if (s == null) {
            return null;
        }
        String d = s.strip();
        if (d.startsWith("10.")) {
            return d;
        }
        boolean again = true;
        while (again) {
            again = false;
            for (String p : DOI_PREFIXES) {
                if (d.regionMatches(true, 0, p, 0, p.length())) {
                    d = d.substring(p.length()).strip();
                    again = true;
                }
            }
        }
        return d.isEmpty() ? null : d;
    }

    public static boolean looksLikeDoi(String d) {
        return d != null && d.startsWith("10.") && d.indexOf('/') > 3 && d.indexOf(' ') < 0;
    }

    /** An ORCID iD as https://orcid.org/0000-0000-0000-0000, or null when the text holds none. */
    static String orcid(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = ORCID.matcher(s);
        return m.find() ? "https://orcid.org/" + m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /** Removes whitespace and control characters, which browsers ignore inside URLs (and attackers use). */
    private static String compact(String href) {
        StringBuilder sb = null;
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c <= ' ' || c == '\u007F' || c == '\u00A0') {
                if (sb == null) {
                    sb = new StringBuilder(href.length());
                    sb.append(href, 0, i);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? href : sb.toString();
    }

    /**
     * The link target for an ext-link, uri or similar, if it may become a link: http, https and mailto
     * URLs, DOIs (to https://doi.org/), "www." addresses and PubMed ids. Anything else (javascript:,
     * data:, file:, relative paths) gives null, and the text stays text.
     */
    static String safeHref(String href, String linkType) {
        if (href == null) {
            return null;
        }
        String h = compact(href);
        if (h.isEmpty()) {
            return null;
        }
        String type = linkType == null ? "" : linkType.toLowerCase(Locale.ROOT);
        if (type.equals("doi") || h.regionMatches(true, 0, "doi:", 0, 4) || h.regionMatches(true, 0, "info:doi/", 0, 9)) {
            String d = doi(h);
            if (looksLikeDoi(d)) {
                return "https://doi.org/" + d;
            }
        }
        if (h.regionMatches(true, 0, "http://", 0, 7) || h.regionMatches(true, 0, "https://", 0, 8)
                || h.regionMatches(true, 0, "mailto:", 0, 7)) {
            return h;
        }
        if (h.regionMatches(true, 0, "www.", 0, 4)) {
            return "http://" + h;
        }
        if ((type.equals("pmid") || type.equals("pubmed")) && h.chars().allMatch(Character::isDigit)) {
            return "https://pubmed.ncbi.nlm.nih.gov/" + h + "/";
        }
        if (h.startsWith("10.") && looksLikeDoi(h)) {
            return "https://doi.org/" + h;
        }
        return null;
    }

    /**
     * An image source that may be used: an absolute http(s) URL, or a plain relative path to a raster
     * image (letters, digits, . _ - /, no "..", with an image extension). Else null.
     */
    static String safeImageSrc(String href) {
        if (href == null) {
            return null;
        }
        String h = href.strip();
        if (h.regionMatches(true, 0, "http://", 0, 7) || h.regionMatches(true, 0, "https://", 0, 8)) {
            String c = compact(h);
            return c.equals(h) ? h : null;
        }
        if (h.isEmpty() || h.startsWith("/") || h.contains("..")) {
            return null;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-' && c != '/') {
                return null;
            }
        }
        // A relative name is a file of the article's package, whatever its format (TIFF is usual): the page
        // points it at the stored file, its web rendition, or says that the image is not available.
        return h;
    }

    /**
     * The text of an HTML fragment made by this reader (its own tags and the five escapes it writes),
     * with block boundaries as spaces and whitespace collapsed. Cheaper than a real HTML parser.
     */
    public static String htmlToText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                int s = i + 1;
                if (s < end && html.charAt(s) == '/') {
                    s++;
                }
                int e = s;
                while (e < end && Character.isLetterOrDigit(html.charAt(e))) {
                    e++;
                }
                if (isBlockTag(html, s, e)) {
                    out.append(' ');
                }
                i = end;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end < 0 || end - i > 6) {
                    out.append(c);
                    continue;
                }
                switch (html.substring(i + 1, end)) {
                    case "lt" -> out.append('<');
                    case "gt" -> out.append('>');
                    case "amp" -> out.append('&');
                    case "quot" -> out.append('"');
                    case "#39" -> out.append('\'');
                    default -> {
                        out.append(c);
                        continue;
                    }
                }
                i = end;
            } else {
                out.append(c);
            }
        }
        return normalize(out);
    }

    private static boolean isBlockTag(String html, int s, int e) {
        int len = e - s;
        if (len == 0) {
            return false;
        }
        String t = html.substring(s, e);
        return switch (t) {
            case "p", "div", "li", "br", "section", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "dt", "dd",
                 "figure", "figcaption", "blockquote", "aside", "pre", "table", "ul", "ol", "dl", "hr" -> true;
            default -> false;
        };
    }
}
