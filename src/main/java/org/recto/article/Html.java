package org.recto.article;

import org.jsoup.Jsoup;

/** Small helpers for the model's safe-HTML fragments. */
public final class Html {

    private Html() {
    }

    /** The text of an HTML fragment, whitespace collapsed. */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).text();
    }

    /** Escapes text for use in HTML content or a quoted attribute. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
