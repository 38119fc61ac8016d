package org.recto.jats.internal;

import java.nio.charset.StandardCharsets;

/**
 * The DOCTYPE policy. The parser tolerates a DOCTYPE but never reads the DTD it names; an internal
 * subset that declares entities is refused outright, before any reference to them is read: an
 * external entity could read a file or a URL on the server, and nested internal entities expand
 * exponentially ("billion laughs"). No JATS file needs its own entity declarations.
 *
 * <p>The check reads the document's own characters, not the parser's DTD event: the JDK parser
 * reports only the last buffer's worth (8 K characters) of a long DOCTYPE, so a declaration placed
 * after padding would slip through. It walks the internal subset as XML does (comments, processing
 * instructions and quoted literals are skipped), so a declaration anywhere in it is found, and a
 * "&lt;!ENTITY" inside a comment is not mistaken for one.
 */
final class Doctype {

    private Doctype() {
    }

    /** Called at the DTD event; {@code doctype} is the parser's (possibly truncated) text, used when the bytes are not at hand. */
    static void check(String doctype, XmlCursor x) {
        Chars text = Chars.of(x.source(), doctype);
        if (text == null) {
            return;
        }
        int at = entityDeclaration(text);
        if (at < 0) {
            return;
        }
        String message = messageFor(text, at);
        int[] pos = text.position(at);
        throw pos == null ? x.failure(message) : x.failure(pos[0], pos[1], message);
    }

    /** The offset of the first {@code <!ENTITY} declaration in the DOCTYPE's internal subset, or -1. */
    static int entityDeclaration(Chars t) {
        int i = t.indexOf("<!DOCTYPE", 0);
        if (i < 0) {
            return -1;
        }
        i += "<!DOCTYPE".length();
        // The name and external id: up to '[' (the subset) or '>' (no subset), quotes skipped.
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '"' || c == '\'') {
                i = t.after(String.valueOf(c), i + 1);
            } else if (c == '>') {
                return -1;
            } else if (c == '[') {
                return inSubset(t, i + 1);
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int inSubset(Chars t, int i) {
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == ']') {
                return -1;
            }
            if (t.startsWith("<!--", i)) {
                i = t.after("-->", i + 4);
            } else if (t.startsWith("<?", i)) {
                i = t.after("?>", i + 2);
            } else if (t.startsWith("<!ENTITY", i)) {
                return i;
            } else if (t.startsWith("<!", i)) {
                i = endOfDeclaration(t, i + 2);
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Past the '>' that ends a markup declaration, skipping quoted literals (which may hold '>' or ']'). */
    private static int endOfDeclaration(Chars t, int i) {
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '"' || c == '\'') {
                i = t.after(String.valueOf(c), i + 1);
            } else if (c == '>') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    private static String messageFor(Chars t, int at) {
        int i = at + "<!ENTITY".length();
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        boolean parameter = i < t.length() && t.charAt(i) == '%';
        if (parameter) {
            i++;
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
        }
        int nameStart = i;
        while (i < t.length() && i - nameStart < 80 && !Character.isWhitespace(t.charAt(i)) && t.charAt(i) != '>') {
            i++;
        }
        String name = t.substring(nameStart, i);
        int close = Math.min(endOfDeclaration(t, i), i + 2000);
        String rest = t.substring(i, Math.min(close, t.length()));
        boolean external = rest.contains("SYSTEM") || rest.contains("PUBLIC");
        if (parameter) {
            return "the DOCTYPE declares the parameter entity %" + name + "; (<!ENTITY % " + name
                    + " …>); entity declarations are refused because they can read files or URLs on the server"
                    + " or expand without limit. Remove the internal DTD subset (the part in [ ]) from the DOCTYPE";
        }
        if (external) {
            return "the DOCTYPE declares the external entity &" + name + "; (<!ENTITY " + name + " SYSTEM …>);"
                    + " external entities are refused because they would read a file or URL on the server."
                    + " Remove the declaration and put the text itself in the document";
        }
        return "the DOCTYPE declares the entity &" + name + "; (<!ENTITY " + name + " …>); entity"
                + " declarations are refused because nested entities can expand without limit (an \"entity"
                + " bomb\"). Remove the internal DTD subset and write the text or numeric character references"
                + " (&#x2013;) instead";
    }

    /**
     * The document's characters, as far as markup goes: bytes read one to one for the ASCII-compatible
     * encodings (UTF-8, Latin-1: every byte of markup is ASCII), the decoded text for UTF-16, or the
     * parser's DOCTYPE text when there are no bytes.
     */
    record Chars(byte[] bytes, String text, boolean wholeDocument) {

        static Chars of(byte[] source, String doctype) {
            if (source != null && source.length >= 2) {
                int b0 = source[0] & 0xFF;
                int b1 = source[1] & 0xFF;
                if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == '<')) {
                    return new Chars(null, new String(source, StandardCharsets.UTF_16BE), true);
                }
                if ((b0 == 0xFF && b1 == 0xFE) || (b0 == '<' && b1 == 0)) {
                    return new Chars(null, new String(source, StandardCharsets.UTF_16LE), true);
                }
                return new Chars(source, null, true);
            }
            return doctype == null ? null : new Chars(null, doctype, false);
        }

        int length() {
            return bytes != null ? bytes.length : text.length();
        }

        char charAt(int i) {
            return bytes != null ? (char) (bytes[i] & 0xFF) : text.charAt(i);
        }

        boolean startsWith(String s, int at) {
            if (at + s.length() > length()) {
                return false;
            }
            for (int k = 0; k < s.length(); k++) {
                if (charAt(at + k) != s.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        int indexOf(String s, int from) {
            for (int i = from; i + s.length() <= length(); i++) {
                if (startsWith(s, i)) {
                    return i;
                }
            }
            return -1;
        }

        /** The offset just past the next {@code s} from {@code from}, or the end. */
        int after(String s, int from) {
            int at = indexOf(s, from);
            return at < 0 ? length() : at + s.length();
        }

        String substring(int from, int to) {
            return bytes != null ? new String(bytes, from, to - from, StandardCharsets.UTF_8) : text.substring(from, to);
        }

        /** 1-based line and column of an offset (columns count characters, not bytes); null without a source. */
        int[] position(int at) {
            if (!wholeDocument) {
                return null;
            }
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new int[] {line, bytes != null ? Problems.columnOf(bytes, lineStart, at) : at - lineStart + 1};
        }
    }
}
