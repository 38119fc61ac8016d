package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one citation element of a ref holds, as the {@link ReferenceReader} reads it, and the text a
 * reader would read for it.
 */
final class TaggedCitation {
    final String kind;
    /** The whole text, kept for the kinds whose text is their reading (mixed citations); else null. */
    final Out full;
    final List<String> authors = new ArrayList<>();
    final List<String> editors = new ArrayList<>();
    final List<String> others = new ArrayList<>();
    final List<String> extras = new ArrayList<>();
    String publicationType;
    boolean punctuated;
    boolean etal;
    boolean editorsEtal;
    boolean urlInExtras;
    String articleTitle;
    String chapterTitle;
    String source;
    String year;
    String volume;
    String issue;
    String fpage;
    String lpage;
    String elocation;
    String pageRange;
    String publisher;
    String publisherLoc;
    String doi;
    String pmid;
    String url;

    TaggedCitation(String kind, boolean keepText) {
        this.kind = kind;
        this.full = keepText ? new Out(256) : null;
    }

    String title() {
        return articleTitle != null ? articleTitle : chapterTitle;
    }

    String firstPage() {
        if (fpage != null) {
            return fpage;
        }
        if (elocation != null) {
            return elocation;
        }
        if (pageRange != null) {
            int dash = indexOfDash(pageRange);
            return (dash > 0 ? pageRange.substring(0, dash) : pageRange).strip();
        }
        return null;
    }

    private static int indexOfDash(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '-' || ch == '\u2013' || ch == '\u2014') {
                return i;
            }
        }
        return -1;
    }

    String rawText(Scratch scratch) {
        boolean useText = kind.equals("mixed-citation") || (kind.equals("citation") && punctuated);
        if (useText) {
            return Text.normalize(full);
        }
        String composed = compose(scratch);
        return composed.isEmpty() && full != null ? Text.normalize(full) : composed;
    }

    /** "Surname GN, Surname GN. 2012. Title. Source 12:34–56. Place: Publisher. doi:10.…" */
    private String compose(Scratch scratch) {
        StringBuilder sb = scratch.borrowBuilder();
        try {
            return compose(sb);
        } finally {
            scratch.releaseBuilder();
        }
    }

    private String compose(StringBuilder sb) {
        if (!authors.isEmpty() || etal) {
            sentence(sb, join(authors) + (etal ? (authors.isEmpty() ? "et al" : ", et al") : ""));
        }
        if (year != null) {
            sentence(sb, year);
        }
        if (articleTitle != null) {
            sentence(sb, articleTitle);
        }
        if (chapterTitle != null && articleTitle == null) {
            sentence(sb, chapterTitle);
        }
        if (!editors.isEmpty()) {
            sentence(sb, "In: " + join(editors) + (editorsEtal ? ", et al" : "")
                    + (editors.size() == 1 ? ", editor" : ", editors"));
        }
        StringBuilder where = new StringBuilder();
        if (source != null) {
            where.append(source);
        }
        String pages = fpage != null ? (lpage != null && !lpage.equals(fpage) ? fpage + "\u2013" + lpage : fpage)
                : elocation != null ? elocation : pageRange;
        // eLife tags the "p." of a book's page as a comment of its own: it belongs before the page
        String pagePrefix = null;
        for (int i = 0; i < extras.size() && pages != null; i++) {
            String e = extras.get(i);
            if (e.equalsIgnoreCase("p.") || e.equalsIgnoreCase("pp.") || e.equalsIgnoreCase("p")) {
                pagePrefix = e;
                extras.remove(i);
                break;
            }
        }
        if (pagePrefix != null) {
            pages = pagePrefix + " " + pages;
        }
        if (volume != null) {
            if (!where.isEmpty()) {
                where.append(' ');
            }
            where.append(volume);
            if (issue != null) {
                where.append('(').append(issue).append(')');
            }
            if (pages != null) {
                where.append(':').append(pages);
            }
        } else {
            if (issue != null) {
                where.append(where.isEmpty() ? "" : " ").append('(').append(issue).append(')');
            }
            if (pages != null) {
                where.append(where.isEmpty() ? "" : ", ").append(pages);
            }
        }
        if (!where.isEmpty()) {
            sentence(sb, where.toString());
        }
        for (String e : extras) {
            sentence(sb, e);
        }
        if (publisher != null || publisherLoc != null) {
            sentence(sb, publisherLoc != null && publisher != null ? publisherLoc + ": " + publisher
                    : publisher != null ? publisher : publisherLoc);
        }
        // PLOS writes the DOI in a comment ("doi: <ext-link>10.…</ext-link>"), already among the extras.
        boolean doiInExtras = doi != null && extras.stream()
                .anyMatch(e -> e.toLowerCase(Locale.ROOT).contains(doi.toLowerCase(Locale.ROOT)));
        if (doi != null && !doiInExtras) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append("doi:").append(doi);
        } else if (url != null && !urlInExtras) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(url);
        }
        return sb.toString();
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        StringBuilder sb = new StringBuilder(names.size() * 16);
        for (String n : names) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(n);
        }
        return sb.toString();
    }

    private static void sentence(StringBuilder sb, String part) {
        if (part == null || part.isBlank()) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(' ');
        }
        sb.append(part.strip());
        char last = sb.charAt(sb.length() - 1);
        if (last != '.' && last != '?' && last != '!') {
            sb.append('.');
        }
    }
}
