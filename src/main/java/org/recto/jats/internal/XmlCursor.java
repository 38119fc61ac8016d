package org.recto.jats.internal;

import java.util.function.Consumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jsoup.nodes.Entities;
import org.recto.article.Html;
import org.recto.jats.JatsProblem;

/**
 * A thin layer over the JDK's {@link XMLStreamReader} for a recursive-descent reader: it reduces
 * the events to start, end and text, resolves the named character entities that JATS files use
 * without their DTD, refuses entity declarations, keeps the stack of open elements for error
 * messages, and turns every parser error into a {@link JatsFailure} a person can act on.
 */
final class XmlCursor {

    static final int START = XMLStreamConstants.START_ELEMENT;
    static final int END = XMLStreamConstants.END_ELEMENT;
    static final int TEXT = XMLStreamConstants.CHARACTERS;
    static final int EOF = XMLStreamConstants.END_DOCUMENT;

    /** Deeper nesting than this is no article; the limit keeps the recursive reader's stack bounded. */
    static final int MAX_DEPTH = 300;

    private final XMLStreamReader reader;
    private final String file;
    private final byte[] source;
    private int event;
    private int depth;
    private String[] open = new String[64];
    /** The line of each open element's start tag, for saying which element an end tag is missing from. */
    private int[] openLine = new int[64];
    /** The replacement text when the current TEXT event is a named entity reference, else null. */
    private String entityText;

    XmlCursor(XMLStreamReader reader, String file, byte[] source) {
        this.reader = reader;
        this.file = file;
        this.source = source;
    }

    String file() {
        return file;
    }

    /** Advances to the next start, end or text event (comments and processing instructions are passed over). */
    int next() {
        try {
            while (true) {
                int e = reader.next();
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth >= open.length) {
                            if (depth > MAX_DEPTH) {
                                throw failure("elements are nested more than " + MAX_DEPTH
                                        + " levels deep; this cannot be a journal article");
                            }
                            open = java.util.Arrays.copyOf(open, Math.min(open.length * 2, MAX_DEPTH + 2));
                            openLine = java.util.Arrays.copyOf(openLine, open.length);
                        }
                        open[depth] = reader.getLocalName();
                        openLine[depth] = reader.getLocation().getLineNumber();
                        entityText = null;
                        return event = START;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        return event = END;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        entityText = null;
                        return event = TEXT;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        entityText = resolveEntity(reader.getLocalName());
                        return event = TEXT;
                    }
                    case XMLStreamConstants.DTD -> Doctype.check(reader.getText(), this);
                    case XMLStreamConstants.END_DOCUMENT -> {
                        return event = EOF;
                    }
                    default -> {
                        // comments, processing instructions, the XML declaration
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw Problems.fromParser(e, this);
        } catch (java.util.NoSuchElementException e) {
            return event = EOF;
        }
    }

    /**
     * Advances within the element whose start was read at {@code parentDepth}; false once its end
     * has been read. Callers consume every child element completely, so the events seen here are
     * text and the starts of direct children.
     */
    private boolean nextChild(int parentDepth) {
        int e = next();
        if (e == EOF) {
            throw failure("the file ends inside <" + open[Math.max(1, parentDepth)] + ">");
        }
        return !(e == END && depth < parentDepth);
    }

    /**
     * Walks the children of the current element (its start just read) to its end: {@code text} for
     * each piece of text, {@code element} with the name of each child element, which must consume
     * that element (read it to its end or {@link #skip()} it).
     */
    void forEachChild(Runnable text, Consumer<String> element) {
        int d = depth;
        while (nextChild(d)) {
            if (event == TEXT) {
                text.run();
            } else {
                element.accept(reader.getLocalName());
            }
        }
    }

    /** {@link #forEachChild} for elements whose text between children is layout: the text is passed over. */
    void forEachElement(Consumer<String> element) {
        forEachChild(NO_TEXT, element);
    }

    private static final Runnable NO_TEXT = () -> {
    };

    /** Skips the rest of the current element (its start has just been read). */
    void skip() {
        int d = depth;
        while (true) {
            int e = next();
            if (e == END && depth < d) {
                return;
            }
            if (e == EOF) {
                return;
            }
        }
    }

    /** Skips the current element and returns {@code keep}: for "the first one counts" fields. */
    <T> T skipKeeping(T keep) {
        skip();
        return keep;
    }

    /** Moves to the first element of the document; false when there is none. */
    boolean toRoot() {
        while (true) {
            int e = next();
            if (e == START) {
                return true;
            }
            if (e == EOF) {
                return false;
            }
        }
    }

    /** Reads to the end of the document, so that anything malformed after the root element is reported. */
    void finish() {
        while (next() != EOF) {
            // nothing but whitespace and comments may follow; the parser reports anything else
        }
    }

    boolean isText() {
        return event == TEXT;
    }

    int depth() {
        return depth;
    }

    String name() {
        return reader.getLocalName();
    }

    /** The value of the attribute with this local name (any namespace: xlink:href, xml:lang), or null. */
    String attr(String localName) {
        int n = reader.getAttributeCount();
        for (int i = 0; i < n; i++) {
            if (localName.equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    int attrCount() {
        return reader.getAttributeCount();
    }

    String attrName(int i) {
        return reader.getAttributeLocalName(i);
    }

    String attrValue(int i) {
        return reader.getAttributeValue(i);
    }

    /** Appends the current text as it is. */
    void appendText(StringBuilder out) {
        if (entityText != null) {
            out.append(entityText);
        } else {
            out.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        }
    }

    /** Appends the current text as it is. */
    void appendText(Out out) {
        if (entityText != null) {
            out.append(entityText);
        } else {
            out.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        }
    }

    /** True when the current text is nothing but XML whitespace. */
    boolean isWhitespace() {
        if (entityText != null) {
            return false;
        }
        char[] c = reader.getTextCharacters();
        int end = reader.getTextStart() + reader.getTextLength();
        for (int i = reader.getTextStart(); i < end; i++) {
            char ch = c[i];
            if (ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the current text escaped for HTML content; with {@code collapse}, runs of whitespace
     * become one space (none when {@code out} already ends with a space).
     */
    void appendEscaped(Out out, boolean collapse) {
        if (entityText != null) {
            out.append(Html.escapeText(entityText));
            return;
        }
        int start = reader.getTextStart();
        out.appendEscaped(reader.getTextCharacters(), start, start + reader.getTextLength(), collapse);
    }

    /**
     * The text of the first child element named {@code child} of the current element (its start just
     * read), consuming the element; null when there is no such child or it is blank.
     */
    String firstChildText(String child) {
        String[] found = {null};
        forEachElement(name -> {
            if (found[0] == null && name.equals(child)) {
                String t = text();
                found[0] = t.isEmpty() ? null : t;
            } else {
                skip();
            }
        });
        return found[0];
    }

    /** The text content of the current element (its start just read), whitespace collapsed and trimmed. */
    String text() {
        StringBuilder sb = new StringBuilder();
        appendTextContent(sb);
        return Text.normalize(sb);
    }

    /** Appends the whole text content of the current element, as it is, consuming the element. */
    void appendTextContent(StringBuilder sb) {
        forEachChild(() -> appendText(sb), name -> appendTextContent(sb));
    }

    int line() {
        return reader.getLocation().getLineNumber();
    }

    int column() {
        return reader.getLocation().getColumnNumber();
    }

    /** The open elements, innermost last: for saying where a truncated file ends. */
    String openElement(int level) {
        return level >= 1 && level <= depth ? open[level] : null;
    }

    /** The line of the start tag of the open element at {@code level}, or 0. */
    int openLine(int level) {
        return level >= 1 && level <= depth ? openLine[level] : 0;
    }

    byte[] source() {
        return source;
    }

    JatsFailure failure(String message) {
        return new JatsFailure(new JatsProblem(file, Math.max(0, line()), Math.max(0, column()), message));
    }

    JatsFailure failure(int line, int column, String message) {
        return new JatsFailure(new JatsProblem(file, Math.max(0, line), Math.max(0, column), message));
    }

    private String resolveEntity(String name) {
        String value = Entities.getByName(name);
        if (value == null || value.isEmpty()) {
            throw failure(Problems.undefinedEntity(name));
        }
        return value;
    }
}
