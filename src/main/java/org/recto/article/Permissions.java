package org.recto.article;

import java.util.Locale;

/**
 * Copyright and licence as {@code <permissions>} gives them. {@code licenseUrl} is an http(s) URL or
 * null: it becomes a link, JSON-LD and metadata for harvesters, so anything else (a {@code javascript:}
 * or {@code data:} URL) is dropped here, for new imports and for versions stored before this rule.
 */
public record Permissions(
        String copyrightStatement,
        String copyrightYear,
        String copyrightHolder,
        String licenseUrl,
        String licenseHtml) {

    public static final Permissions NONE = new Permissions(null, null, null, null, null);

    public Permissions {
        licenseUrl = webUrl(licenseUrl);
    }

    /**
     * The URL, stripped, if it is an absolute http or https URL without whitespace or control characters
     * (which browsers would skip, and attackers use to hide a scheme); else null.
     */
    public static String webUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || u.length() <= lower.indexOf("//") + 2) {
            return null;
        }
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c <= ' ' || c == '\u007F' || c == '"' || c == '<' || c == '>' || c == '\\' || Character.isWhitespace(c)) {
                return null;
            }
        }
        return u;
    }
}
