package org.recto.interop.internal;

import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's own {@link XMLStreamWriter} (never one a test dependency brings) for the
 * module's documents: elements in one default namespace, text elements that are left out when empty,
 * and checked exceptions turned into unchecked ones. Text is stripped of characters XML 1.0 cannot carry.
 */
public final class XmlOut implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter xml;

    public XmlOut(OutputStream out) {
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XMLStreamWriter writer() {
        return xml;
    }

    /** Opens the root element in {@code namespace}, declaring it as the default and the extra prefixes given as pairs. */
    public XmlOut root(String name, String namespace, String... prefixesAndUris) {
        try {
            xml.setDefaultNamespace(namespace);
            xml.writeStartElement("", name, namespace);
            xml.writeDefaultNamespace(namespace);
            for (int i = 0; i + 1 < prefixesAndUris.length; i += 2) {
                xml.setPrefix(prefixesAndUris[i], prefixesAndUris[i + 1]);
                xml.writeNamespace(prefixesAndUris[i], prefixesAndUris[i + 1]);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; a name with a prefix ({@code dc:title}) uses that prefix's declared namespace. */
    public XmlOut start(String name) {
        try {
            int colon = name.indexOf(':');
            if (colon > 0) {
                String prefix = name.substring(0, colon);
                xml.writeStartElement(prefix, name.substring(colon + 1), xml.getNamespaceContext().getNamespaceURI(prefix));
            } else {
                xml.writeStartElement(xml.getNamespaceContext().getNamespaceURI(""), name);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element in a namespace not declared yet, binding (and declaring) its prefix here. */
    public XmlOut start(String name, String namespace) {
        try {
            int colon = name.indexOf(':');
            String prefix = colon > 0 ? name.substring(0, colon) : "";
            xml.setPrefix(prefix, namespace);
            xml.writeStartElement(prefix, name.substring(colon + 1), namespace);
            if (prefix.isEmpty()) {
                xml.writeDefaultNamespace(namespace);
            } else {
                xml.writeNamespace(prefix, namespace);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares a namespace on the element just opened. */
    public XmlOut declare(String prefix, String uri) {
        try {
            xml.setPrefix(prefix, uri);
            xml.writeNamespace(prefix, uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlOut attr(String name, String value) {
        if (value == null) {
            return this;
        }
        try {
            int colon = name.indexOf(':');
            if (colon > 0) {
                String prefix = name.substring(0, colon);
                xml.writeAttribute(prefix, xml.getNamespaceContext().getNamespaceURI(prefix), name.substring(colon + 1), clean(value));
            } else {
                xml.writeAttribute(name, clean(value));
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlOut text(String value) {
        try {
            xml.writeCharacters(clean(value == null ? "" : value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding text; nothing at all when the text is null or blank. */
    public XmlOut element(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        return start(name).text(value.strip()).end();
    }

    public XmlOut end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/F). */
    public static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
