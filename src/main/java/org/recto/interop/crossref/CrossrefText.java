package org.recto.interop.crossref;

import java.util.regex.Pattern;

/** The limits the deposit schema puts on values, so that what Recto cannot deposit is left out rather than refused. */
final class CrossrefText {

    private static final Pattern DOI = Pattern.compile("10\\.[0-9]{4,9}/.{1,200}");
    private static final Pattern ISSN = Pattern.compile("\\d{4}-?\\d{3}[\\dX]");
    private static final Pattern ORCID = Pattern.compile("https?://orcid.org/[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[X0-9]");

    private CrossrefText() {
    }

    static boolean isDoi(String s) {
        return s != null && DOI.matcher(s).matches() && s.length() <= 2048;
    }

    static boolean isIssn(String s) {
        return s != null && ISSN.matcher(s).matches();
    }

    static boolean isOrcid(String s) {
        return s != null && ORCID.matcher(s).matches();
    }

    static boolean isHttp(String s) {
        return s != null && (s.startsWith("https://") || s.startsWith("http://"));
    }

    /** The text, cut to the schema's longest length; null when blank. */
    static String fit(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
