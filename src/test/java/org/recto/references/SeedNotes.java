package org.recto.references;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.recto.article.Note;
import org.recto.support.SharedData;

/** Reads the seed article's endnotes ({@code <fn><label>N</label><p>…</p></fn>}) as {@link Note}s. */
final class SeedNotes {

    private SeedNotes() {
    }

    static Path sharedDir() {
        return SharedData.dir();
    }

    static List<Note> read() throws Exception {
        Path file = sharedDir().resolve("seed/jats/mills-bloomfield-2018.xml");
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        List<Note> notes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            String id = null;
            StringBuilder label = null;
            StringBuilder text = null;
            boolean inLabel = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "fn" -> {
                            id = r.getAttributeValue(null, "id");
                            label = new StringBuilder();
                            text = new StringBuilder();
                        }
                        case "label" -> inLabel = label != null;
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && label != null) {
                    (inLabel ? label : text).append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("label")) {
                        inLabel = false;
                    } else if (r.getLocalName().equals("fn") && label != null) {
                        String t = text.toString().replaceAll("\\s+", " ").strip();
                        notes.add(new Note(id, label.toString().strip(), t, t));
                        label = null;
                    }
                }
            }
        }
        return notes;
    }
}
