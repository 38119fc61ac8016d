package org.recto.jats.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.recto.jats.JatsProblem;

/**
 * The one place where the StAX factory is configured, so that the reader and the benchmark's raw
 * parse use the same settings.
 *
 * <p>SUPPORT_DTD is off: the JDK parser then accepts a DOCTYPE (and reports it as an event) but reads
 * neither the external DTD it names nor the declarations of its internal subset, so nothing is
 * fetched and no entity is ever expanded; references to undeclared entities come through as
 * entity-reference events, which the reader resolves from the HTML/ISO character entity table or
 * refuses. The internal subset itself is refused when it declares entities (see {@code Doctype}).
 * External entities, external DTD and schema access are switched off as well, and any resolver call
 * fails, in case a future JDK or setting would try.
 */
public final class StaxFactory {

    private StaxFactory() {
    }

    public static XMLInputFactory create() {
        // The JDK's own implementation, whatever else (Woodstox, Aalto) is on the classpath.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refused to load the external resource " + systemId);
        });
        return f;
    }

    /** Opens a stream reader; a failure to even start (an unknown encoding) becomes a {@link JatsFailure}. */
    public static XMLStreamReader open(XMLInputFactory factory, byte[] xml, String file) {
        InputStream in = new ByteArrayInputStream(xml);
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw Problems.fromParser(e, file, xml, null);
        } catch (RuntimeException e) {
            throw new JatsFailure(new JatsProblem(file, 0, 0, "the XML cannot be read: " + e.getMessage()));
        }
    }
}
