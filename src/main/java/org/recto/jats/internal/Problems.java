package org.recto.jats.internal;

import java.io.CharConversionException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Turns the JDK parser's messages into ones a production editor can act on. Only ever runs on the
 * error path, so it may use regular expressions and rescan the bytes.
 */
final class Problems {

    private static final Pattern NOT_CLOSED =
            Pattern.compile("The element type \"([^\"]+)\" must be terminated by the matching end-tag");
    private static final Pattern BAD_START_TAG =
            Pattern.compile("Element type \"([^\"]+)\" must be followed by either attribute specifications");
    private static final Pattern END_TAG_UNTERMINATED =
            Pattern.compile("The end-tag for element type \"([^\"]+)\" must end with a '>' delimiter");
    private static final Pattern ENTITY_WITHOUT_SEMICOLON =
            Pattern.compile("The reference to entity \"([^\"]+)\" must end with the ';' delimiter");
    private static final Pattern UNDECLARED_ENTITY = Pattern.compile("The entity \"([^\"]+)\" was referenced");
    private static final Pattern INVALID_CHAR = Pattern.compile("invalid XML character \\(Unicode: 0x([0-9a-fA-F]+)\\)");
    private static final Pattern ENCODING_NAME = Pattern.compile("Invalid encoding name \"([^\"]*)\"");
    private static final Pattern UNBOUND_PREFIX = Pattern.compile("The prefix \"([^\"]+)\" for (element|attribute) \"([^\"]+)\"");
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private Problems() {
    }

    static String undefinedEntity(String name) {
        return "the entity &" + name + "; is not defined. The DTD is not read, so only the XML entities"
                + " (&amp; &lt; &gt; &quot; &apos;) and the HTML/ISO character entities (&nbsp; &ndash; &alpha; …)"
                + " are known; write the character itself or a numeric reference such as &#x2013;"
                + " (if the & is meant as text, write it as &amp;)";
    }

    static JatsFailure fromParser(XMLStreamException e, XmlCursor x) {
        return fromParser(e, x.file(), x.source(), x);
    }

    /** Maps a parser error; {@code x} is null when the error comes before the first event. */
    static JatsFailure fromParser(XMLStreamException e, String file, byte[] source, XmlCursor x) {
        Ctx c = new Ctx(file, source, x);
        String raw = e.getMessage() == null ? "" : e.getMessage();
        int m = raw.indexOf("Message: ");
        String msg = (m >= 0 ? raw.substring(m + "Message: ".length()) : raw).strip();
        Location loc = e.getLocation();
        int line = loc != null ? loc.getLineNumber() : -1;
        int column = loc != null ? loc.getColumnNumber() : -1;
        if (line <= 0 && x != null) {
            try {
                line = x.line();
                column = x.column();
            } catch (RuntimeException ignored) {
                line = 0;
                column = 0;
            }
        }

        if (isEncodingError(e, msg)) {
            return encodingFailure(c, line, column);
        }
        Matcher mt;
        if (msg.contains("must start and end within the same entity") || msg.contains("Premature end of file")
                || msg.contains("end of file")) {
            String open = x == null ? null : x.openElement(x.depth());
            if (open == null) {
                return c.failure(line, column, "the file ends before the root element; it is empty or truncated");
            }
            return c.failure(line, column, "the file ends before the element <" + open + "> is closed;"
                    + " the file is truncated or </" + open + "> is missing");
        }
        if ((mt = NOT_CLOSED.matcher(msg)).find() || (mt = END_TAG_UNTERMINATED.matcher(msg)).find()) {
            return notClosed(c, mt.group(1), line, column);
        }
        if (msg.contains("The entity name must immediately follow the '&'")) {
            return c.failure(line, column, "there is a bare \"&\" here; XML reads & as the start of an entity"
                    + " such as &amp;. Write the ampersand as &amp; (for example \"Smith &amp; Jones\")");
        }
        if ((mt = ENTITY_WITHOUT_SEMICOLON.matcher(msg)).find()) {
            return c.failure(line, column, "\"&" + mt.group(1) + "\" here is not an entity reference (it has no"
                    + " closing \";\"); if the & is meant as text, write it as &amp; (\"&amp;" + mt.group(1) + "\")");
        }
        if ((mt = BAD_START_TAG.matcher(msg)).find()) {
            return c.failure(line, column, "the start tag <" + mt.group(1) + " …> is malformed: after the element"
                    + " name there must be attributes (name=\"value\"), \">\" or \"/>\"");
        }
        if ((mt = UNDECLARED_ENTITY.matcher(msg)).find()) {
            return c.failure(line, column, undefinedEntity(mt.group(1)) + " (entities in attribute values must be"
                    + " written as numeric references)");
        }
        if ((mt = INVALID_CHAR.matcher(msg)).find()) {
            return c.failure(line, column, "the file contains the character U+"
                    + String.format("%04X", Integer.parseInt(mt.group(1), 16))
                    + ", which XML does not allow (a control character, often pasted from a word processor)");
        }
        if ((mt = ENCODING_NAME.matcher(msg)).find()) {
            return c.failure(line, column, "the XML declaration names the encoding \"" + mt.group(1)
                    + "\", which is not a known character encoding; use encoding=\"UTF-8\"");
        }
        if ((mt = UNBOUND_PREFIX.matcher(msg)).find()) {
            return c.failure(line, column, "the namespace prefix \"" + mt.group(1) + "\" of <" + mt.group(3)
                    + "> is not declared; declare it on <article> (for example xmlns:" + mt.group(1) + "=\"…\")");
        }
        if (msg.contains("Content is not allowed in prolog")) {
            return c.failure(line, column, "the file does not start with XML: there is text before the root"
                    + " element (is this an XML file?)");
        }
        if (msg.contains("following the root element")) {
            return c.failure(line, column, "there is more content after the end of the root element");
        }
        if (msg.contains("must not contain the '<' character")) {
            return c.failure(line, column, "an attribute value contains \"<\"; write it as &lt;");
        }
        return c.failure(line, column, "the XML is not well-formed: " + msg);
    }

    /**
     * An end tag that does not match the open element: the parser notices where the wrong end tag is, which can be
     * far below the element whose end tag is missing (a deleted {@code </fn>} shows at {@code </fn-group>}, a
     * hundred lines on). The editor is sent to the element's start tag, with the place the parser stopped.
     */
    private static JatsFailure notClosed(Ctx c, String element, int line, int column) {
        XmlCursor x = c.cursor();
        int depth = x == null ? 0 : x.depth();
        int startLine = depth > 0 && element.equals(x.openElement(depth)) ? x.openLine(depth) : 0;
        String found = endTagAt(c.source(), line, column);
        String where = found == null ? "line " + line : found + " on line " + line;
        if (startLine <= 0 || startLine == line) {
            return c.failure(line, column, "the element <" + element + "> is not closed: " + where
                    + " came before its end tag </" + element + ">");
        }
        int startColumn = startTagColumn(c.source(), startLine, element);
        return c.failure(startLine, startColumn, "the element <" + element + "> that starts here is not closed:"
                + " its end tag </" + element + "> is missing (the parser stopped at " + where + ")");
    }

    /** The end tag ({@code </name>}) that ends at or before the column of the line, or null. */
    private static String endTagAt(byte[] bytes, int line, int column) {
        int start = lineStart(bytes, line);
        if (start < 0) {
            return null;
        }
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        int at = text.lastIndexOf("</", Math.max(0, Math.min(text.length() - 1, column - 1)));
        if (at < 0) {
            return null;
        }
        int close = at + 2;
        while (close < text.length() && text.charAt(close) != '>' && !Character.isWhitespace(text.charAt(close))
                && text.charAt(close) != '<') {
            close++;
        }
        return close > at + 2 ? text.substring(at, close) + ">" : null;
    }

    /** The 1-based column of {@code <element} on the line, or 1. */
    private static int startTagColumn(byte[] bytes, int line, String element) {
        int start = lineStart(bytes, line);
        if (start < 0) {
            return 1;
        }
        byte[] tag = ("<" + element).getBytes(StandardCharsets.UTF_8);
        for (int i = start; i + tag.length <= bytes.length && bytes[i] != '\n'; i++) {
            int k = 0;
            while (k < tag.length && bytes[i + k] == tag[k]) {
                k++;
            }
            if (k == tag.length) {
                return columnOf(bytes, start, i);
            }
        }
        return 1;
    }

    private static int lineStart(byte[] bytes, int line) {
        if (bytes == null || line < 1) {
            return -1;
        }
        int l = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (l == line) {
                return i;
            }
            if (bytes[i] == '\n') {
                l++;
            }
        }
        return -1;
    }

    private static boolean isEncodingError(XMLStreamException e, String msg) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharConversionException) {
                return true;
            }
        }
        Throwable nested = e.getNestedException();
        return nested instanceof CharConversionException || msg.contains("Invalid byte")
                || msg.contains("UTF-8 sequence");
    }

    /** Finds the first byte that is not valid UTF-8 and says where it is and what the file probably is. */
    private static JatsFailure encodingFailure(Ctx x, int line, int column) {
        byte[] bytes = x.source;
        String declared = declaredEncoding(bytes);
        if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
            return x.failure(line, column, "the file is not valid " + declared + " as its XML declaration says"
                    + " (a byte sequence cannot be decoded here); save it as UTF-8");
        }
        int bad = firstInvalidUtf8(bytes);
        if (bad < 0) {
            return x.failure(line, column, "the file is not UTF-8: a byte sequence cannot be decoded here; save it as UTF-8");
        }
        int l = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                l++;
                lineStart = i + 1;
            }
        }
        int from = Math.max(lineStart, bad - 30);
        String before = new String(bytes, from, bad - from, StandardCharsets.ISO_8859_1).strip();
        String guess = new String(bytes, bad, 1, StandardCharsets.ISO_8859_1);
        return x.failure(l, columnOf(bytes, lineStart, bad), "the file is not UTF-8: byte 0x"
                + String.format("%02X", bytes[bad] & 0xFF) + " after \"" + before + "\" is not valid UTF-8"
                + (declared == null ? " (the file declares no encoding, which means UTF-8)"
                        : " (the XML declaration says encoding=\"" + declared + "\")")
                + ". It looks like Latin-1 or Windows-1252 (the byte would be \"" + guess + "\");"
                + " save the file as UTF-8 or declare its real encoding");
    }

    /** Where the problem is reported. */
    private record Ctx(String file, byte[] source, XmlCursor cursor) {
        JatsFailure failure(int line, int column, String message) {
            return new JatsFailure(new org.recto.jats.JatsProblem(file, Math.max(0, line), Math.max(0, column), message));
        }
    }

    static String declaredEncoding(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int n = Math.min(bytes.length, 200);
        String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        }
        Matcher m = DECLARED_ENCODING.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    static int firstInvalidUtf8(byte[] bytes) {
        if (bytes == null) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            r = decoder.flush(out);
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            return -1;
        }
    }

    /** 1-based column of byte {@code at} on the line starting at {@code lineStart}, counting UTF-8 characters. */
    static int columnOf(byte[] bytes, int lineStart, int at) {
        int col = 1;
        for (int i = lineStart; i < at; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return col;
    }
}
