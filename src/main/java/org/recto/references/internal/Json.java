package org.recto.references.internal;

import java.util.List;

/**
 * The one JSON shape {@code refs-parse} writes, built by hand: ASCII only, every control character
 * and every non-ASCII character escaped as {@code \}{@code uXXXX} (a character outside the BMP as its
 * surrogate pair), so the output is valid JSON whatever the terminal's encoding.
 */
public final class Json {

    private Json() {
    }

    /** {@code {"fields": [{"label": "…", "text": "…"}, …]}} */
    public static String fields(List<String[]> labelAndText) {
        StringBuilder b = new StringBuilder(64 + labelAndText.size() * 48);
        b.append("{\"fields\": [");
        for (int i = 0; i < labelAndText.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append("{\"label\": ");
            string(b, labelAndText.get(i)[0]);
            b.append(", \"text\": ");
            string(b, labelAndText.get(i)[1]);
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        b.append("\\u");
                        String hex = Integer.toHexString(c);
                        b.append("0000", hex.length(), 4).append(hex);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
