package org.recto.jats.internal;

import java.nio.charset.StandardCharsets;

/**
 * The DOCTYPE policy. The parser tolerates a DOCTYPE but never reads the DTD it names; an internal
 * subset that declares entities is refused outright, before any reference to them is read: an
 * external entity could read a file or a URL on the server, and nested internal entities expand
 * exponentially ("billion laughs"). No JATS file needs its own entity declarations.
 */
final class Doctype {

    private Doctype() {
    }

    static void check(String doctype, XmlCursor x) {
        if (doctype == null) {
            return;
        }
        int at = doctype.indexOf("<!ENTITY");
        if (at < 0) {
            return;
        }
        int i = at + "<!ENTITY".length();
        while (i < doctype.length() && Character.isWhitespace(doctype.charAt(i))) {
            i++;
        }
        boolean parameter = i < doctype.length() && doctype.charAt(i) == '%';
        if (parameter) {
            i++;
            while (i < doctype.length() && Character.isWhitespace(doctype.charAt(i))) {
                i++;
            }
        }
        int nameStart = i;
        while (i < doctype.length() && !Character.isWhitespace(doctype.charAt(i)) && doctype.charAt(i) != '>') {
            i++;
        }
        String name = doctype.substring(nameStart, i);
        int close = doctype.indexOf('>', i);
        String rest = doctype.substring(i, close < 0 ? doctype.length() : close);
        boolean external = rest.contains("SYSTEM") || rest.contains("PUBLIC");
        String message;
        if (parameter) {
            message = "the DOCTYPE declares the parameter entity %" + name + "; (<!ENTITY % " + name
                    + " …>); entity declarations are refused because they can read files or URLs on the server"
                    + " or expand without limit. Remove the internal DTD subset (the part in [ ]) from the DOCTYPE";
        } else if (external) {
            message = "the DOCTYPE declares the external entity &" + name + "; (<!ENTITY " + name + " SYSTEM …>);"
                    + " external entities are refused because they would read a file or URL on the server."
                    + " Remove the declaration and put the text itself in the document";
        } else {
            message = "the DOCTYPE declares the entity &" + name + "; (<!ENTITY " + name + " …>); entity"
                    + " declarations are refused because nested entities can expand without limit (an \"entity"
                    + " bomb\"). Remove the internal DTD subset and write the text or numeric character references"
                    + " (&#x2013;) instead";
        }
        int[] pos = position(x.source(), "<!ENTITY");
        throw pos == null ? x.failure(message) : x.failure(pos[0], pos[1], message);
    }

    /** Line and column of the first occurrence of an ASCII marker in the bytes, or null (e.g. UTF-16). */
    private static int[] position(byte[] bytes, String marker) {
        if (bytes == null) {
            return null;
        }
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        int line = 1;
        int lineStart = 0;
        outer:
        for (int i = 0; i + m.length <= bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
                continue;
            }
            for (int k = 0; k < m.length; k++) {
                if (bytes[i + k] != m[k]) {
                    continue outer;
                }
            }
            return new int[] {line, Problems.columnOf(bytes, lineStart, i)};
        }
        return null;
    }
}
