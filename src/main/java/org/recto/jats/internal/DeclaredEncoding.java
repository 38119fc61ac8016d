package org.recto.jats.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.recto.jats.JatsProblem;

/**
 * A declared single-byte encoding that the bytes contradict. A file saved as UTF-8 under an old
 * {@code encoding="ISO-8859-1"} declaration parses without error, but every accented letter comes out as
 * two or three wrong ones ("é" as "Ã©"); it is refused before parsing, with the first such letter named.
 * Genuine Latin-1 text almost never forms valid multi-byte UTF-8 sequences, so the check does not misfire.
 */
public final class DeclaredEncoding {

    private DeclaredEncoding() {
    }

    /** Throws a {@link JatsFailure} when the declaration names a single-byte encoding and the bytes are UTF-8. */
    public static void check(byte[] xml, String file) {
        String declared = Problems.declaredEncoding(xml);
        if (declared == null || !singleByte(declared)) {
            return;
        }
        int first = firstMultiByte(xml);
        if (first < 0 || Problems.firstInvalidUtf8(xml) >= 0) {
            return;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < first; i++) {
            if (xml[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int length = (xml[first] & 0xE0) == 0xC0 ? 2 : (xml[first] & 0xF0) == 0xE0 ? 3 : 4;
        String meant = new String(xml, first, Math.min(length, xml.length - first), StandardCharsets.UTF_8);
        String misread = new String(xml, first, Math.min(length, xml.length - first), StandardCharsets.ISO_8859_1);
        throw new JatsFailure(new JatsProblem(file, line, Problems.columnOf(xml, lineStart, first),
                "the XML declaration says encoding=\"" + declared + "\", but the file is UTF-8: \"" + meant
                        + "\" here would be read as \"" + misread + "\". Change the declaration to encoding=\"UTF-8\""
                        + " (or save the file in " + declared + "); it was not imported, so that no text is garbled"));
    }

    private static boolean singleByte(String encoding) {
        String e = encoding.toUpperCase(Locale.ROOT).replace('_', '-');
        return e.startsWith("ISO-8859") || e.startsWith("ISO8859") || e.startsWith("LATIN") || e.startsWith("WINDOWS-125")
                || e.startsWith("CP125") || e.equals("US-ASCII") || e.equals("ASCII") || e.startsWith("MACROMAN");
    }

    private static int firstMultiByte(byte[] xml) {
        for (int i = 0; i < xml.length; i++) {
            if (xml[i] < 0) {
                return i;
            }
        }
        return -1;
    }
}
