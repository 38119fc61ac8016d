package org.recto.ingest.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.recto.article.ArticleStore.Outcome;
import org.recto.article.DerivedWork;
import org.recto.ingest.IngestProperties;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.recto.ingest.ReadDocument;
import org.recto.jats.JatsProblem;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code recto.jar import PATH...}: imports files, folders and zip archives with a progress bar,
 * then prints a summary (new, updated, unchanged, failed with reasons). Exits 1 if anything failed.
 */
@Component
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String VERB = "import";

    private final JatsIngest ingest;
    private final IngestProperties properties;
    private final DerivedWork derived;
    private final PrintStream out;
    private int exitCode;

    ImportCommand(JatsIngest ingest, IngestProperties properties, DerivedWork derived) {
        this.ingest = ingest;
        this.properties = properties;
        this.derived = derived;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !VERB.equals(words.get(0))) {
            return;
        }
        if (words.size() < 2) {
            out.println("usage: java -jar recto.jar import PATH...   (JATS XML files, folders, zip archives)");
            exitCode = 2;
            return;
        }
        List<String> missing = new ArrayList<>();
        List<ImportSources.Source> sources = ImportSources.expand(
                words.subList(1, words.size()).stream().map(Path::of).toList(), missing);
        ImportProgress progress = new ImportProgress(out, sources.size(),
                sources.stream().mapToLong(ImportSources.Source::size).sum(), System.console() != null);
        // The listeners derive data while the import goes on; the bar shows how far both stages are.
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-progress");
            t.setDaemon(true);
            return t;
        });
        poll.scheduleWithFixedDelay(() -> showPending(progress), 0, 500, TimeUnit.MILLISECONDS);
        Summary summary;
        try {
            summary = importAll(sources, progress);
        } finally {
            poll.shutdownNow();
        }
        // The listeners (parsed references, citation index, pages) finish before the process exits;
        // what a crash leaves undone the registry resubmits on the next start.
        derived.await(Duration.ofHours(12), tasks -> progress.pending(derived.pendingArticles(), tasks));
        progress.finish();
        missing.forEach(m -> summary.failures().add(m));
        summary.print(out);
        exitCode = summary.failures().isEmpty() ? 0 : 1;
    }

    /**
     * Imports every source: read and parsed on {@code recto.ingest.threads} threads, stored in batches by
     * {@code recto.ingest.writers} (see {@link ImportPipeline}); failures are listed in input order.
     */
    Summary importAll(List<ImportSources.Source> sources) throws InterruptedException {
        ImportProgress progress = new ImportProgress(out, sources.size(),
                sources.stream().mapToLong(ImportSources.Source::size).sum(), System.console() != null);
        Summary summary = importAll(sources, progress);
        progress.finish();
        return summary;
    }

    private Summary importAll(List<ImportSources.Source> sources, ImportProgress progress) throws InterruptedException {
        List<ImportPipeline.Input> inputs = sources.stream().<ImportPipeline.Input>map(s -> in -> read(in, s)).toList();
        IngestResult[] results = new ImportPipeline(ingest, properties).run(inputs,
                (index, result) -> progress.stored(sources.get(index).size(), !result.ok()));
        Summary summary = new Summary(new EnumMap<>(Outcome.class), new ArrayList<>(), new ArrayList<>());
        for (IngestResult result : results) {
            if (result.ok()) {
                summary.counts().merge(result.outcome(), 1, Integer::sum);
                result.warnings().forEach(w -> summary.warnings().add(result.source() + ": " + w));
            } else {
                result.problems().forEach(p -> summary.failures().add(p.toString()));
            }
        }
        return summary;
    }

    private void showPending(ImportProgress progress) {
        try {
            progress.pending(derived.pendingArticles(), derived.pending());
        } catch (RuntimeException e) {
            // the bar goes on without this reading; the next one comes in half a second
        }
    }

    private ReadDocument read(JatsIngest in, ImportSources.Source source) {
        try {
            if (source instanceof ImportSources.PackageSource pkg) {
                JatsPackage.Contents contents = pkg.contents(ingest.maxBytes());
                return in.read(contents.xml(), source.name() + "!" + contents.xmlName(), contents.files());
            }
            return in.read(source.read(ingest.maxBytes()), source.name(), List.of());
        } catch (IOException e) {
            return failed(source, e.getMessage());
        } catch (RuntimeException e) {
            return failed(source, "could not be imported: " + e);
        }
    }

    private static ReadDocument failed(ImportSources.Source source, String message) {
        return new ReadDocument(source.name(), null, List.of(), null,
                IngestResult.failed(source.name(), List.of(new JatsProblem(source.name(), 0, 0, message))));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    record Summary(Map<Outcome, Integer> counts, List<String> failures, List<String> warnings) {

        Summary(Map<Outcome, Integer> counts, List<String> failures) {
            this(counts, failures, new ArrayList<>());
        }

        void print(PrintStream out) {
            out.printf("Imported: %d new, %d updated, %d unchanged, %d failed%n",
                    counts.getOrDefault(Outcome.NEW, 0), counts.getOrDefault(Outcome.UPDATED, 0),
                    counts.getOrDefault(Outcome.UNCHANGED, 0), failures.size());
            if (!warnings.isEmpty()) {
                out.printf("Warnings (%d, imported anyway):%n", warnings.size());
                warnings.forEach(w -> out.println("  " + printable(w)));
            }
            if (!failures.isEmpty()) {
                out.println("Failed:");
                failures.forEach(f -> out.println("  " + printable(f)));
            }
        }

        /**
         * The line with control characters (ESC, BEL, CR, C1, bidirectional overrides) shown as {@code \\uXXXX}:
         * a file name from a zip archive is anyone's text, and a terminal would obey the escapes in it.
         */
        static String printable(String line) {
            StringBuilder sb = new StringBuilder(line.length());
            line.codePoints().forEach(c -> {
                boolean control = Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT;
                if (control) {
                    sb.append(String.format("\\u%04X", c));
                } else {
                    sb.appendCodePoint(c);
                }
            });
            return sb.toString();
        }
    }
}
