package org.recto.interop.oai;

import java.io.ByteArrayInputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JATS an article was imported from, as an OAI-PMH {@code jats} record. OAI-PMH's {@code metadata}
 * takes only namespaced elements, and JATS elements are in none, so the document's un-namespaced
 * elements are put into the namespace of the namespaced JATS 1.3 schema Crossref publishes
 * ({@code http://www.ncbi.nlm.nih.gov/JATS1}); MathML, XLink, ALI and {@code xml:} keep theirs.
 * The DOCTYPE, comments and processing instructions are left out; no DTD or external entity is read.
 *
 * <p>Two changes keep a list of many records one valid document: every {@code id} and every reference to
 * one ({@code rid}, {@code headers}, …) gets a prefix made from the DOI ({@code x1a2b3c4d-fig1}), since
 * the schema wants ids unique in the whole response; and the root's {@code dtd-version} is left out, since
 * the namespace already names the tag set and the namespaced schema knows no plain "1.3".
 */
final class JatsPayload {

    static final String PREFIX = "jats";
    static final String NAMESPACE = "http://www.ncbi.nlm.nih.gov/JATS1";
    static final String SCHEMA = "https://www.crossref.org/schemas/JATS-journalpublishing1-3d2-mathml3.xsd";

    private static final java.util.Set<String> ID_ATTRIBUTES = java.util.Set.of("id", "rid", "headers", "continued-from",
            "glyph-data", "pointer-to-explained", "pointer-to-question");

    private static final XMLInputFactory INPUT = XMLInputFactory.newDefaultFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        INPUT.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private JatsPayload() {
    }

    /** Copies the document's root element and everything inside it to {@code out}. */
    static void copy(String doi, byte[] jats, XMLStreamWriter out) throws XMLStreamException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(doi.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String idPrefix = String.format("x%08x-", crc.getValue());
        XMLStreamReader in = INPUT.createXMLStreamReader(new ByteArrayInputStream(jats));
        try {
            int depth = 0;
            while (in.hasNext()) {
                int event = in.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        startElement(in, out, depth == 0, idPrefix);
                        depth++;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        out.writeEndElement();
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth > 0) {
                            out.writeCharacters(in.getText());
                        }
                    }
                    default -> {
                        // DOCTYPE, comments, processing instructions: not part of the record
                    }
                }
            }
        } finally {
            in.close();
        }
    }

    private static void startElement(XMLStreamReader in, XMLStreamWriter out, boolean root, String idPrefix) throws XMLStreamException {
        String ns = in.getNamespaceURI();
        if (ns == null || ns.isEmpty()) {
            out.writeStartElement("", in.getLocalName(), NAMESPACE);
            if (root) {
                out.writeDefaultNamespace(NAMESPACE);
            }
        } else {
            String prefix = in.getPrefix() == null ? "" : in.getPrefix();
            out.writeStartElement(prefix, in.getLocalName(), ns);
        }
        for (int i = 0; i < in.getNamespaceCount(); i++) {
            String prefix = in.getNamespacePrefix(i);
            if (prefix != null && !prefix.isEmpty()) {
                out.writeNamespace(prefix, in.getNamespaceURI(i));
            }
        }
        if (ns != null && !ns.isEmpty() && (in.getPrefix() == null || in.getPrefix().isEmpty())) {
            out.writeDefaultNamespace(ns); // a namespaced element the document writes without a prefix
        }
        for (int i = 0; i < in.getAttributeCount(); i++) {
            String ans = in.getAttributeNamespace(i);
            String name = in.getAttributeLocalName(i);
            if (ans == null || ans.isEmpty()) {
                if (root && name.equals("dtd-version")) {
                    continue;
                }
                String value = in.getAttributeValue(i);
                out.writeAttribute(name, ID_ATTRIBUTES.contains(name) ? prefixed(idPrefix, value) : value);
            } else {
                String prefix = XMLConstants.XML_NS_URI.equals(ans) ? "xml" : in.getAttributePrefix(i);
                out.writeAttribute(prefix, ans, name, in.getAttributeValue(i));
            }
        }
    }

    /** Each of the whitespace-separated ids, prefixed. */
    private static String prefixed(String prefix, String ids) {
        StringBuilder out = new StringBuilder();
        for (String id : ids.strip().split("\\s+")) {
            if (!id.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(prefix).append(id);
            }
        }
        return out.toString();
    }
}
