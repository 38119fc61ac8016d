package org.recto.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.recto.article.ArticleCatalog;
import org.recto.article.DerivedWork;
import org.recto.ingest.IngestProperties;
import org.recto.ingest.JatsIngest;
import org.recto.jats.JatsReader;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code recto.jar import-benchmark PATH...}: imports the given JATS into the configured (empty)
 * store and prints articles/s and MB/s beside a bare StAX pass over the same bytes, measured in the
 * same run with the same number of threads (as many as the import command reads with; the import stores
 * with {@code recto.ingest.writers} more, in batches of {@code recto.ingest.batch-size}). Files are read into
 * memory first, so disk speed counts for neither; the parse passes are warmed up and the best of three
 * is taken, so that the baseline is as fast as it gets.
 */
@Component
class ImportBenchmark implements ApplicationRunner, ExitCodeGenerator {

    static final String VERB = "import-benchmark";
    /** How long the benchmark waits for the derived work after the import before it reports what is left. */
    private static final Duration DERIVED_WAIT = Duration.ofSeconds(120);

    private final JatsIngest ingest;
    private final JatsReader reader;
    private final ArticleCatalog catalog;
    private final IngestProperties properties;
    private final DerivedWork derived;
    private final XMLInputFactory rawFactory = rawFactory();
    private final PrintStream out = System.out;
    private int exitCode;

    ImportBenchmark(JatsIngest ingest, JatsReader reader, ArticleCatalog catalog, IngestProperties properties,
            DerivedWork derived) {
        this.ingest = ingest;
        this.derived = derived;
        this.reader = reader;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !VERB.equals(words.get(0))) {
            return;
        }
        if (!catalog.allDois().isEmpty()) {
            out.println("The store is not empty: run the benchmark on a fresh data directory or database.");
            exitCode = 2;
            return;
        }
        List<String> problems = new ArrayList<>();
        List<ImportSources.Source> sources = ImportSources.expand(
                words.subList(1, words.size()).stream().map(Path::of).toList(), problems);
        List<byte[]> files = new ArrayList<>();
        long bytes = 0;
        for (ImportSources.Source s : sources) {
            byte[] b = s.read(ingest.maxBytes());
            files.add(b);
            bytes += b.length;
        }
        int threads = properties.effectiveThreads();
        double mb = bytes / 1e6;
        out.printf("%d files, %.1f MB in memory; %d thread(s)%n", files.size(), mb, threads);

        Task raw = this::rawParse;
        Task read = xml -> reader.read(xml, "benchmark");
        run(files, threads, raw);
        run(files, threads, read);
        double cpu0 = cpuSeconds();
        double rawSeconds = best(files, threads, raw);
        double rawCpu = (cpuSeconds() - cpu0) / 3;
        double readSeconds = best(files, threads, read);

        AtomicInteger failed = new AtomicInteger();
        List<ImportPipeline.Input> inputs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] xml = files.get(i);
            String name = sources.get(i).name();
            inputs.add(in -> in.read(xml, name, List.of()));
        }
        long start = System.nanoTime();
        double importCpu0 = cpuSeconds();
        new ImportPipeline(ingest, properties).run(inputs, (index, result) -> {
            if (!result.ok()) {
                failed.incrementAndGet();
                out.println("failed: " + result.problems());
            }
        });
        double importSeconds = (System.nanoTime() - start) / 1e9;
        double importCpu = cpuSeconds() - importCpu0;
        long pending = derived.pending();

        line("raw StAX parse", rawSeconds, files.size(), mb, "the baseline");
        line("JATS read", readSeconds, files.size(), mb, "into the Article model, no store");
        line("import", importSeconds, files.size(), mb, "read and stored, " + failed.get() + " failed; "
                + properties.writers() + " writer(s), " + properties.batchSize() + " per transaction");
        out.printf("import speed / raw parse speed = %.2f%n", rawSeconds / importSeconds);
        out.printf("CPU time: raw parse %.2f s (a round), import %.2f s (listeners running alongside included);"
                + " by CPU time import / raw parse = %.2f%n", rawCpu, importCpu, rawCpu / importCpu);
        // The listeners (parsed references, search index, related content, pages) ran alongside and go on in
        // the background; how far behind they are, and (for a while) how long they take to catch up.
        out.printf("derived work: %d deliveries pending when the import finished%n", pending);
        double derivedCpu0 = cpuSeconds();
        boolean caughtUp = derived.await(DERIVED_WAIT, left -> { });
        double derivedSeconds = (System.nanoTime() - start) / 1e9;
        double derivedCpu = cpuSeconds() - derivedCpu0;
        if (caughtUp) {
            line("+ derived", derivedSeconds, files.size(), mb, "until every listener had finished");
        } else {
            out.printf("derived work: %d deliveries still pending after %d more s%n", derived.pending(),
                    DERIVED_WAIT.toSeconds());
        }
        DerivedWork.Reads reads = derived.reads();
        out.printf("derived work after the import: %.1f s of CPU; versions read %d times from memory, %d from the store%n",
                derivedCpu, reads.fromMemory(), reads.fromStore());
        exitCode = failed.get() == 0 ? 0 : 1;
    }

    private void line(String what, double seconds, int articles, double mb, String note) {
        out.printf("%-15s %7.2f s  %8.1f articles/s  %7.1f MB/s  (%s)%n", what, seconds, articles / seconds, mb / seconds, note);
    }

    /**
     * The CPU time this process has used so far, in seconds: on a machine that other work loads too, wall time
     * says as much about the neighbours as about the import, CPU time only about the import.
     */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private interface Task {
        void accept(byte[] xml) throws Exception;
    }

    private static double best(List<byte[]> files, int threads, Task task) throws Exception {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            run(files, threads, task);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void run(List<byte[]> files, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (byte[] file : files) {
                done.add(pool.submit(() -> {
                    task.accept(file);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void rawParse(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = rawFactory.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            while (r.hasNext()) {
                r.next();
            }
        } finally {
            r.close();
        }
    }

    /** A plain non-validating StAX factory that skips the DTD: the baseline. */
    private static XMLInputFactory rawFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
