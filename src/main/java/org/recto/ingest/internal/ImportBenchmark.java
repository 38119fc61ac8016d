package org.recto.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.recto.article.ArticleCatalog;
import org.recto.ingest.IngestProperties;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code recto.jar import-benchmark PATH...}: imports the given JATS into the configured (empty)
 * store and prints articles/s and MB/s beside the speed of a bare StAX pass over the same bytes,
 * measured in the same run. Files are read into memory first, so disk speed counts for neither.
 */
@Component
class ImportBenchmark implements ApplicationRunner, ExitCodeGenerator {

    static final String VERB = "import-benchmark";

    private final JatsIngest ingest;
    private final ArticleCatalog catalog;
    private final IngestProperties properties;
    private final PrintStream out = System.out;
    private int exitCode;

    ImportBenchmark(JatsIngest ingest, ArticleCatalog catalog, IngestProperties properties) {
        this.ingest = ingest;
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
            byte[] b = s.read(properties.maxBytes());
            files.add(b);
            bytes += b.length;
        }
        out.printf("%d files, %.1f MB, read into memory%n", files.size(), bytes / 1e6);

        // Warm both paths up on a slice, so that neither pays the JIT alone.
        int warm = Math.min(50, files.size());
        for (int i = 0; i < warm; i++) {
            rawParse(files.get(i));
        }

        long parseStart = System.nanoTime();
        long events = 0;
        for (byte[] f : files) {
            events += rawParse(f);
        }
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;

        long importStart = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            IngestResult r = ingest.ingest(files.get(i), sources.get(i).name());
            if (!r.ok()) {
                failed++;
            }
        }
        double importSeconds = (System.nanoTime() - importStart) / 1e9;

        double mb = bytes / 1e6;
        out.printf("raw StAX parse : %7.2f s  %8.1f articles/s  %7.1f MB/s  (%d events)%n",
                parseSeconds, files.size() / parseSeconds, mb / parseSeconds, events);
        out.printf("import (store) : %7.2f s  %8.1f articles/s  %7.1f MB/s  (%d failed)%n",
                importSeconds, files.size() / importSeconds, mb / importSeconds, failed);
        out.printf("import speed / raw parse speed = %.2f%n", parseSeconds / importSeconds);
        exitCode = failed == 0 ? 0 : 1;
    }

    private static long rawParse(byte[] xml) throws XMLStreamException, IOException {
        XMLInputFactory factory = Factories.RAW;
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        long n = 0;
        try {
            while (reader.hasNext()) {
                reader.next();
                n++;
            }
        } finally {
            reader.close();
        }
        return n;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** A plain non-validating StAX factory that skips the DTD: the baseline. */
    private static final class Factories {
        static final XMLInputFactory RAW = create();

        private static XMLInputFactory create() {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, false);
            return f;
        }
    }
}
