package org.recto.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The validators over a whole folder of JATS files, on a thread pool: {@code [FOLDER] [--skip N] [--limit N]
 * [--threads N] [--results FILE]} (the files in name order, the first N skipped, at most N of the rest). Each article's verdict and stage times go to the results file as they come (one tab-separated
 * line each), and a run given a results file that already holds some articles goes on with the others, so the
 * corpus can be validated in pieces. Prints each article that fails and why, the median time of each stage, the
 * load average, and how many of the articles in the results pass.
 */
public final class CorpusValidation {

    private CorpusValidation() {
    }

    private record Options(List<Path> files, int threads, Path results) {
        static Options parse(String[] args) throws IOException {
            int limit = Integer.MAX_VALUE;
            int skip = 0;
            int threads = Runtime.getRuntime().availableProcessors();
            Path results = Files.createTempFile("recto-validation-", ".tsv");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--limit" -> limit = Integer.parseInt(args[++i]);
                    case "--skip" -> skip = Integer.parseInt(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--results" -> results = Path.of(args[++i]);
                    default -> System.setProperty("recto.shared.dir", Path.of(args[i]).toAbsolutePath().toString());
                }
            }
            List<Path> files = CorpusSample.all();
            files = files.subList(Math.min(skip, files.size()), files.size());
            return new Options(files.subList(0, Math.min(limit, files.size())), Math.max(1, threads), results);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Map<String, String> done = previous(o.results());
        List<Path> todo = o.files().stream().filter(f -> !done.containsKey(f.getFileName().toString())).toList();
        System.out.printf("%d articles, %d already in %s, %d to check on %d threads; load average %.1f%n",
                o.files().size(), o.files().size() - todo.size(), o.results(), todo.size(), o.threads(), load());
        FormatsValidation validation = new FormatsValidation();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        List<long[]> timings = new ArrayList<>();
        try {
            ExecutorCompletionService<FormatsValidation.Verdict> results = new ExecutorCompletionService<>(pool);
            todo.forEach(f -> results.submit(() -> validation.check(f)));
            for (int n = 1; n <= todo.size(); n++) {
                FormatsValidation.Verdict v = results.take().get();
                String line = line(v);
                Files.writeString(o.results(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                done.put(v.file().getFileName().toString(), line);
                timings.add(v.timings().values());
                if (n % 25 == 0) {
                    System.out.printf("%d of %d checked, load average %.1f%n", n, todo.size(), load());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        report(o, done, timings);
    }

    private static void report(Options o, Map<String, String> done, List<long[]> timings) {
        if (!timings.isEmpty()) {
            StringBuilder s = new StringBuilder("median per article of the " + timings.size() + " checked now:");
            for (int stage = 0; stage < FormatsValidation.Timings.STAGES.size(); stage++) {
                int k = stage;
                long[] xs = timings.stream().mapToLong(t -> t[k]).filter(x -> x >= 0).sorted().toArray();
                s.append(' ').append(FormatsValidation.Timings.STAGES.get(stage)).append(' ')
                        .append(xs.length == 0 ? "-" : xs[xs.length / 2] + " ms").append(stage < 5 ? "," : "");
            }
            System.out.println(s.append("; load average ").append(String.format("%.1f", load())));
        }
        int passed = 0;
        int counted = 0;
        for (Path f : o.files()) {
            String line = done.get(f.getFileName().toString());
            if (line == null) {
                continue;
            }
            counted++;
            String[] cols = line.split("\t", -1);
            if (cols[2].equals("PASS")) {
                passed++;
            } else {
                System.out.println("FAIL " + cols[0] + " (" + cols[1] + "): " + cols[cols.length - 1]);
            }
        }
        System.out.printf("%d of %d articles pass veraPDF (PDF/UA-1), the text check and EPUBCheck%n", passed, counted);
    }

    /** file, DOI, PASS or FAIL, the six stage times, the problems. */
    private static String line(FormatsValidation.Verdict v) {
        String times = String.join("\t", Arrays.stream(v.timings().values()).mapToObj(Long::toString).toList());
        String problems = "PDF " + v.pdf() + " EPUB " + v.epub();
        return String.join("\t", v.file().getFileName().toString(), v.doi(), v.passes() ? "PASS" : "FAIL", times,
                problems.replaceAll("[\\t\\n\\r]+", " "));
    }

    private static Map<String, String> previous(Path results) {
        Map<String, String> done = new HashMap<>();
        try {
            if (Files.exists(results)) {
                for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        done.put(line.substring(0, line.indexOf('\t')), line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return done;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
