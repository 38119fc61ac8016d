package org.recto.references;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.recto.references.training.Sample;
import org.recto.references.training.TrainingData;
import org.recto.support.SharedData;

/**
 * Parsing speed, single-threaded: the labelled strings of the shared gold data, then every
 * reference of the JATS corpus end to end. Not a test (speed is measured, never asserted):
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile
 * java -Xmx2g -cp target/classes:target/test-classes org.recto.references.ParserBenchmark ../shared [MODEL]
 * </pre>
 */
public final class ParserBenchmark {

    private static final Set<String> CITATIONS = Set.of("mixed-citation", "element-citation", "citation", "nlm-citation");
    private static final Map<String, String> ENTITIES = Map.of("ndash", "–", "mdash", "—", "lsqb", "[", "rsqb", "]",
            "plus", "+", "percnt", "%", "minus", "−", "nbsp", " ", "hellip", "…");

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = args.length > 0 ? Path.of(args[0]) : SharedData.dir();
        long t0 = System.nanoTime();
        ReferenceParser parser = args.length > 1 ? ReferenceParser.withModel(Path.of(args[1]))
                : ReferenceParser.withShippedModel();
        System.out.printf("model loaded in %.2f s%n", (System.nanoTime() - t0) / 1e9);

        List<String> labelled = new ArrayList<>();
        for (Sample s : TrainingData.readDirectory(shared.resolve("refs/train"))) {
            labelled.add(s.text());
        }
        run("warm-up (labelled strings)", parser::parse, labelled.subList(0, Math.min(3000, labelled.size())));
        run("labelled strings", parser::parse, labelled);
        // refs-parse's path: the lines as one list, each judged with the ones before it
        run("labelled, as one list", parser.forList()::parse, labelled);

        List<String> corpus = corpusReferences(shared.resolve("corpus/jats"));
        run("JATS corpus references", parser::parse, corpus);
        run("corpus, as one list", parser.forList()::parse, corpus);
    }

    private static void run(String what, java.util.function.Function<String, ParsedReference> parser,
            List<String> strings) {
        long chars = 0;
        long fields = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        for (String s : strings) {
            fields += parser.apply(s).fields().size();
            chars += s.length();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        // CPU time of this thread: strings per second per core, whatever else the machine is doing
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("%-26s %6d strings %9d chars %7d fields  wall %6.2f s (%6.0f/s)  cpu %6.2f s (%6.0f strings/s/core)%n",
                what, strings.size(), chars, fields, secs, strings.size() / secs, cpu, strings.size() / cpu);
    }

    /** The text of every citation element of every file, element boundaries read as spaces. */
    static List<String> corpusReferences(Path dir) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<String> out = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                XMLStreamReader r = f.createXMLStreamReader(in);
                StringBuilder b = null;
                int depth = 0;
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        if (b == null && CITATIONS.contains(r.getLocalName())) {
                            b = new StringBuilder();
                            depth = 0;
                        } else if (b != null) {
                            depth++;
                            b.append(' ');
                        }
                    } else if (b != null && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)) {
                        b.append(r.getText());
                    } else if (b != null && ev == XMLStreamConstants.ENTITY_REFERENCE) {
                        b.append(ENTITIES.getOrDefault(r.getLocalName(), " "));
                    } else if (b != null && ev == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 0) {
                            String t = b.toString().replaceAll("\\s+", " ").strip();
                            if (!t.isEmpty()) {
                                out.add(t);
                            }
                            b = null;
                        } else {
                            depth--;
                            b.append(' ');
                        }
                    }
                }
            }
        }
        return out;
    }
}
