package org.recto.references.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.recto.references.internal.Gazetteer;

/**
 * Journal, publisher and place names from the structured references of JATS articles (the shared
 * corpus): each {@code <source>} of a journal citation, each {@code <publisher-name>} and {@code
 * <publisher-loc>}. They teach the parser names that the labelled strings never show.
 */
public final class CorpusNames {

    private CorpusNames() {
    }

    /** The names in every {@code .xml} file under {@code dir}; an absent folder gives none. */
    public static Gazetteer read(Path dir, PrintStream log) {
        Gazetteer.Builder names = Gazetteer.builder();
        if (!Files.isDirectory(dir)) {
            log.println("refs-train: no JATS corpus at " + dir + "; training without its names");
            return names.build();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                collect(f.createXMLStreamReader(in), names);
            } catch (IOException | XMLStreamException e) {
                // a corpus file we cannot read only means fewer names
                log.println("refs-train: skipped " + p.getFileName() + ": " + e.getMessage());
            }
        }
        Gazetteer g = names.build();
        log.printf("refs-train: %d journal, publisher and place names from %d JATS files%n", g.size(), files.size());
        return g;
    }

    private static void collect(XMLStreamReader r, Gazetteer.Builder names) throws XMLStreamException {
        String citationType = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev != XMLStreamConstants.START_ELEMENT) {
                if (ev == XMLStreamConstants.END_ELEMENT && isCitation(r.getLocalName())) {
                    citationType = null;
                }
                continue;
            }
            String name = r.getLocalName();
            if (isCitation(name)) {
                String t = r.getAttributeValue(null, "publication-type");
                citationType = t == null ? "" : t;
            } else if (citationType != null) {
                switch (name) {
                    case "source" -> {
                        if (citationType.equals("journal")) {
                            names.add("journal", text(r));
                        }
                    }
                    case "publisher-name" -> names.add("publisher", text(r));
                    case "publisher-loc" -> names.add("location", text(r));
                    default -> {
                    }
                }
            }
        }
    }

    /** The text of the current element, markup inside it ({@code <italic>}) dropped. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                b.append(r.getText());
            }
        }
        return TrainingData.normalizeSpace(b);
    }

    private static boolean isCitation(String name) {
        return name.equals("element-citation") || name.equals("mixed-citation");
    }
}
