package org.recto.jats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.recto.article.Article;
import org.recto.jats.internal.StaxFactory;

/**
 * Compares the speed of {@link JatsReader#read} with a raw StAX parse of the same files (every event
 * visited, same factory settings). Not a test: run it by hand, see the module README or the report.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.recto.jats.JatsReadBenchmark 8
 * </pre>
 * or, inside Maven's own JVM: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.recto.jats.JatsReadBenchmark -Dexec.args=8}.
 * Arguments: rounds (default 5), corpus directory (default ../shared/corpus/jats). Each side's best
 * round counts; the CPU time of the reading thread is the steadier figure on a shared machine.
 */
public final class JatsReadBenchmark {

    private JatsReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Path.of(args.length > 1 ? args[1]
                : System.getProperty("recto.shared.dir", "../shared") + "/corpus/jats");
        List<byte[]> files = load(dir);
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB, %d rounds after 2 warm-up rounds%n",
                files.size(), bytes / 1e6, rounds);

        XMLInputFactory factory = StaxFactory.create();
        JatsReader reader = new JatsReader();
        for (int i = 0; i < 2; i++) {
            raw(factory, files);
            jats(reader, files);
        }
        // Interleaved rounds, best of each side: other work on the machine only ever slows a round down.
        // CPU time of this thread is reported too; it is steadier than wall time on a shared machine.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long rawWall = Long.MAX_VALUE;
        long jatsWall = Long.MAX_VALUE;
        long rawCpu = Long.MAX_VALUE;
        long jatsCpu = Long.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += raw(factory, files);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            sink += jats(reader, files);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            rawWall = Math.min(rawWall, t1 - t0);
            jatsWall = Math.min(jatsWall, t2 - t1);
            rawCpu = Math.min(rawCpu, c1 - c0);
            jatsCpu = Math.min(jatsCpu, c2 - c1);
        }
        System.out.println("best round, wall clock:");
        report("raw StAX parse", rawWall, files.size(), bytes);
        report("JatsReader.read", jatsWall, files.size(), bytes);
        System.out.println("best round, CPU time of the reading thread:");
        report("raw StAX parse", rawCpu, files.size(), bytes);
        report("JatsReader.read", jatsCpu, files.size(), bytes);
        System.out.printf(Locale.ROOT, "JatsReader speed / raw parse speed = %.2f (wall), %.2f (CPU)   [checksum %d]%n",
                (double) rawWall / jatsWall, (double) rawCpu / jatsCpu, sink);
    }

    private static List<byte[]> load(Path dir) throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static long raw(XMLInputFactory factory, List<byte[]> files) throws XMLStreamException {
        long n = 0;
        for (byte[] b : files) {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(b));
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    n += r.getLocalName().length() + r.getAttributeCount();
                } else if (e == XMLStreamConstants.CHARACTERS) {
                    n += r.getTextLength();
                }
            }
            r.close();
        }
        return n;
    }

    private static long jats(JatsReader reader, List<byte[]> files) throws JatsException {
        long n = 0;
        for (byte[] b : files) {
            Article a = reader.read(b, "benchmark");
            n += a.body().html().length() + a.back().references().size();
        }
        return n;
    }

    private static void report(String what, long nanos, int files, long bytes) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "  %-16s %7.1f MB/s %8.0f articles/s  (%.2f s)%n", what,
                bytes / 1e6 / seconds, files / seconds, seconds);
    }
}
