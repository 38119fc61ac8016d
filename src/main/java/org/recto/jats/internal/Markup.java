package org.recto.jats.internal;

import org.recto.article.Html;

/** Small pieces of HTML writing that the renderer's parts share. */
final class Markup {

    private Markup() {
    }

    static boolean isBlock(String n) {
        return switch (n) {
            case "p", "sec", "list", "fig", "fig-group", "table-wrap", "table-wrap-group", "table", "disp-quote",
                 "boxed-text", "disp-formula", "disp-formula-group", "preformat", "code", "def-list", "glossary",
                 "supplementary-material", "fn", "fn-group", "ref-list", "statement", "speech", "verse-group",
                 "array", "chem-struct-wrap", "graphic", "media", "hr", "ack", "app", "object-id", "sec-meta",
                 "caption", "title", "attrib" -> true;
            default -> false;
        };
    }

    /** Writes {@code id="…"} when there is an id. */
    static void id(Out out, String id) {
        if (id != null && !id.isBlank()) {
            out.append(" id=\"");
            out.append(Html.escapeAttribute(id.strip()));
            out.append('"');
        }
    }

    /** {@code <span class="label">label</span>}. */
    static void label(Out out, String label) {
        out.append("<span class=\"label\">").append(label).append("</span>");
    }

    /** The text as a link to {@code href} (already known safe), or as plain text when there is none. */
    static void linkOrText(Out out, String href, String text) {
        if (href != null) {
            out.append("<a href=\"");
            out.append(Html.escapeAttribute(href));
            out.append("\">");
            out.append(Html.escapeText(text));
            out.append("</a>");
        } else {
            out.append(Html.escapeText(text));
        }
    }

    static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '(' || c == ')' || c == ':'
                    || c == ';' || c == ',' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static String firstToken(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int sp = 0;
        while (sp < t.length() && !Text.isXmlSpace(t.charAt(sp))) {
            sp++;
        }
        t = t.substring(0, sp);
        return t.isEmpty() ? null : t;
    }

    static void space(Out out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    static void trimEnd(Out out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            n--;
        }
        out.setLength(n);
    }

    static String trim(Out sb) {
        int start = 0;
        int end = sb.length();
        while (start < end && sb.charAt(start) == ' ') {
            start++;
        }
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(start, end);
    }
}
