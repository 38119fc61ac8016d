package org.recto.references.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.recto.references.internal.Span;

/**
 * Reads the two gold formats of the shared reference data into {@link Sample}s: AnyStyle's
 * {@code <dataset><sequence>} XML (every token inside a field element) and GROBID's TEI
 * {@code <bibl>} (fields as child elements, text between them unlabelled), mapped onto one label set.
 */
public final class TrainingData {

    /** GROBID files that mix sources; the split treats their entries one by one, not the file whole. */
    private static final Set<String> MULTI_SOURCE = Set.of("citations.xml", "vz-training-data.xml",
            "crossref_raw_citations.xml", "crossref_raw_citations_batch_2.xml");

    private TrainingData() {
    }

    /** Every sample of every {@code .xml} file under {@code dir} (recursively), in a stable order. */
    public static List<Sample> readDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Sample> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(readFile(f));
        }
        return all;
    }

    /** Reads one file in either format, told apart by its root element. */
    public static List<Sample> readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // skip the prolog
                }
                if (!r.isStartElement()) {
                    throw new IllegalArgumentException(file + ": no root element");
                }
                String name = file.getFileName().toString();
                boolean inEvaluationDir = file.getParent() != null
                        && "evaluation".equals(file.getParent().getFileName().toString());
                if ("dataset".equals(r.getLocalName())) {
                    return readAnyStyle(r, name);
                }
                boolean perEntry = MULTI_SOURCE.contains(name) || inEvaluationDir;
                return readGrobid(r, name, perEntry);
            } finally {
                r.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(file + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // The gold files are trusted, but no reader of ours resolves external entities.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static List<Sample> readAnyStyle(XMLStreamReader r, String file) throws XMLStreamException {
        List<Sample> out = new ArrayList<>();
        StringBuilder text = null;
        List<Span> spans = null;
        String field = null;
        StringBuilder fieldText = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("sequence".equals(r.getLocalName())) {
                    text = new StringBuilder();
                    spans = new ArrayList<>();
                } else if (text != null && field == null) {
                    field = r.getLocalName();
                    fieldText.setLength(0);
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (field != null) {
                    fieldText.append(r.getText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (field != null && field.equals(r.getLocalName())) {
                    String t = normalizeSpace(fieldText);
                    if (!t.isEmpty()) {
                        if (text.length() > 0) {
                            text.append(' ');
                        }
                        int start = text.length();
                        text.append(t);
                        spans.add(new Span(field, start, text.length()));
                    }
                    field = null;
                } else if ("sequence".equals(r.getLocalName()) && text != null) {
                    if (text.length() > 0) {
                        String s = text.toString();
                        out.add(new Sample("anystyle", file, normalizedKey(s), s, spans));
                    }
                    text = null;
                }
            }
        }
        return out;
    }

    private static List<Sample> readGrobid(XMLStreamReader r, String file, boolean perEntry)
            throws XMLStreamException {
        List<Sample> out = new ArrayList<>();
        SpaceCollapsingBuilder text = null;
        List<String> labels = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        int depth = 0;
        int fieldStart = -1;
        String fieldLabel = null;
        boolean hasArticleTitle = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (text == null) {
                    if ("bibl".equals(r.getLocalName())) {
                        text = new SpaceCollapsingBuilder();
                        labels.clear();
                        ranges.clear();
                        depth = 0;
                        hasArticleTitle = false;
                    }
                    continue;
                }
                depth++;
                if (depth == 1) {
                    fieldLabel = grobidLabel(r);
                    if ("title".equals(fieldLabel)) {
                        hasArticleTitle = true;
                    }
                    fieldStart = text.length();
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (text != null) {
                    text.append(r.getText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && text != null) {
                if (depth == 0) {
                    // end of the bibl
                    String s = text.finish();
                    List<Span> spans = new ArrayList<>();
                    for (int i = 0; i < labels.size(); i++) {
                        String label = labels.get(i);
                        if (label.equals("title-m")) {
                            label = hasArticleTitle ? "container-title" : "title";
                        }
                        int a = Math.min(ranges.get(i)[0], s.length());
                        int b = Math.min(ranges.get(i)[1], s.length());
                        while (a < b && s.charAt(a) == ' ') {
                            a++;
                        }
                        while (b > a && s.charAt(b - 1) == ' ') {
                            b--;
                        }
                        if (a < b) {
                            spans.add(new Span(label, a, b));
                        }
                    }
                    if (!s.isEmpty()) {
                        String key = normalizedKey(s);
                        out.add(new Sample("grobid", file, perEntry ? key : "file:" + file, s, spans));
                    }
                    text = null;
                    continue;
                }
                if (depth == 1 && fieldLabel != null) {
                    labels.add(fieldLabel);
                    ranges.add(new int[] {fieldStart, text.length()});
                    fieldLabel = null;
                }
                depth--;
            }
        }
        return out;
    }

    /** The label a direct child of {@code bibl} gives its text, or null for unlabelled text. */
    static String grobidLabel(XMLStreamReader r) {
        String tag = r.getLocalName().toLowerCase(Locale.ROOT);
        String type = attr(r, "type");
        String unit = attr(r, "unit");
        String level = attr(r, "level");
        if (level.isEmpty()) {
            level = attr(r, "leve");
        }
        switch (tag) {
            case "author", "authors":
                return "author";
            case "editor":
                return "editor";
            case "title": {
                String l = level.isEmpty() ? type : level;
                return switch (l) {
                    case "j" -> "journal";
                    case "m" -> "title-m";
                    case "s" -> "collection-title";
                    default -> "title";
                };
            }
            case "biblscope", "biblstruct", "page", "volumes": {
                String u = tag.equals("page") ? "page" : tag.equals("volumes") ? "volume"
                        : !unit.isEmpty() ? unit : !type.isEmpty() ? type : level;
                return switch (u) {
                    case "page", "pp", "pages" -> "pages";
                    case "volume", "vol" -> "volume";
                    case "issue" -> "issue";
                    case "chapter" -> "note";
                    default -> null;
                };
            }
            case "date", "year", "month":
                return "date";
            case "pubplace":
                return "location";
            case "publisher", "publishe":
                return "publisher";
            case "orgname":
                // A collaboration signs the work (GROBID puts it among the authors); any other
                // organisation is the institution that issued it, AnyStyle's publisher.
                return "collaboration".equals(type) ? "author" : "publisher";
            case "note", "notes":
                // "MS thesis", "Technical report": what AnyStyle calls the genre.
                return "report".equals(type) ? "genre" : "note";
            case "idno":
                return switch (type) {
                    case "doi" -> "doi";
                    case "isbn" -> "isbn";
                    // arXiv, PMID, report numbers…: AnyStyle files these under note.
                    default -> "note";
                };
            case "ptr":
                return "url";
            default:
                return null;
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i).trim().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    /** Collapses runs of white space to one space and trims. */
    public static String normalizeSpace(CharSequence s) {
        SpaceCollapsingBuilder b = new SpaceCollapsingBuilder();
        b.append(s);
        return b.finish();
    }

    /** NFKC, lower case, letters and digits only: the key that tells duplicate strings apart. */
    public static String normalizedKey(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Appends text, turning each run of white space into one space and dropping leading space. */
    static final class SpaceCollapsingBuilder {
        private final StringBuilder b = new StringBuilder();

        void append(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                        b.append(' ');
                    }
                } else {
                    b.append(c);
                }
            }
        }

        int length() {
            return b.length();
        }

        String finish() {
            int n = b.length();
            while (n > 0 && b.charAt(n - 1) == ' ') {
                n--;
            }
            return b.substring(0, n);
        }
    }
}
