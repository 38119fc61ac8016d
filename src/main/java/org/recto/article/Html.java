package org.recto.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Small helpers for the model's safe-HTML fragments, and the one HTML escaper of the code base:
 * the JATS reader, the site, the formats and search all escape through it.
 */
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

    /**
     * What an image of a body fragment stands for, when the JATS gave it no alt text: its figure's caption title (with
     * its label), else its label, else a plain word. The web page and the PDF and EPUB say the same.
     */
    public static String figureCaption(Element img) {
        Element figure = img.closest("figure");
        if (figure == null) {
            return "Image";
        }
        Element title = figure.selectFirst("figcaption .caption-title");
        Element label = figure.selectFirst("figcaption .label");
        String text = title != null ? title.text() : label != null ? label.text() : "";
        return text.isBlank() ? "Figure" : text;
    }

    /** Escapes text for use in HTML content or a quoted attribute; "" for null. */
    public static String escape(String text) {
        return text == null ? "" : escape(text, true, false);
    }

    /** Escapes text for HTML content (&amp; &lt; &gt;); the text itself when nothing needs it. */
    public static String escapeText(String text) {
        return escape(text, false, false);
    }

    /**
     * Escapes text for a quoted attribute value, quotes included; control characters (below a space),
     * which no attribute value needs, are dropped.
     */
    public static String escapeAttribute(String text) {
        return escape(text, true, true);
    }

    /** The entity that stands for {@code c} in HTML content, or null when {@code c} stands for itself. */
    public static String textEntity(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            default -> null;
        };
    }

    private static String attributeEntity(char c) {
        return switch (c) {
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> textEntity(c);
        };
    }

    private static String escape(String text, boolean quotes, boolean dropControls) {
        int i = 0;
        while (i < text.length() && !changes(text.charAt(i), quotes, dropControls)) {
            i++;
        }
        if (i == text.length()) {
            return text; // the common case: nothing to escape, nothing allocated
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = quotes ? attributeEntity(c) : textEntity(c);
            if (entity != null) {
                out.append(entity);
            } else if (!dropControls || c >= ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean changes(char c, boolean quotes, boolean dropControls) {
        return (quotes ? attributeEntity(c) : textEntity(c)) != null || dropControls && c < ' ';
    }
}
