package org.recto.references;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recto.references.internal.CrfModel;
import org.recto.references.internal.Gazetteer;
import org.recto.references.internal.Json;
import org.recto.references.internal.Span;
import org.recto.references.training.CorpusNames;
import org.recto.references.training.CrfTrainer;
import org.recto.references.training.Evaluation;
import org.recto.references.training.Sample;
import org.recto.references.training.Training;
import org.recto.references.training.TrainingData;

/**
 * The command-line verbs of this module, run without Spring: nothing but results on standard
 * output, progress and problems on standard error.
 *
 * <ul>
 *   <li>{@code refs-parse [--model FILE] [--convention auto|anystyle|grobid]}: one reference string per
 *       line in, one {@code {"fields": […]}} JSON line out, in order; an empty, overlong or unparseable
 *       line gives {@code {"fields": []}}. The convention (default auto) is the {@link LabelConvention};
 *       under auto the lines are one list ({@link ReferenceListParser}): the lines before a line help
 *       judge its convention, the lines after it never do.</li>
 *   <li>{@code refs-eval [--model FILE] [--convention auto|anystyle|grobid|format] FILE...}: scores the
 *       parser on gold files (or folders) of either shared format; the last line is {@code micro-F1
 *       0.xxxx}. By default the parser judges each string's convention itself, as {@code refs-parse}
 *       does on the files' strings in order; {@code format} gives it the convention of the gold file's
 *       format.</li>
 *   <li>{@code refs-train [--shared DIR] [--out FILE] [--epochs N] [--no-dev] [--dev-only] [--split
 *       files|entries]}: retrains the model from the shared data, printing the evaluation on a held-out
 *       development share ({@link Training.Split}; default files).</li>
 * </ul>
 */
public final class ReferenceCommands {

    /** The verbs {@link #run} answers to. */
    public static final Set<String> VERBS = Set.of("refs-parse", "refs-eval", "refs-train");

    /** A longer input line is not parsed (it gives no fields); it is still read through, in bounded memory. */
    static final int MAX_LINE_BYTES = 8 << 20;

    static final String DEFAULT_MODEL_OUT = "src/main/resources/org/recto/references/model.crf.gz";

    private ReferenceCommands() {
    }

    /** Runs a verb with its arguments; answers the process exit code. */
    public static int run(String verb, String[] args) {
        try {
            return switch (verb) {
                case "refs-parse" -> parse(args, System.in, System.out);
                case "refs-eval" -> eval(args, System.out);
                case "refs-train" -> train(args, System.out);
                default -> {
                    System.err.println("unknown verb: " + verb);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(verb + ": " + e.getMessage());
            return 2;
        }
    }

    /** Reads lines (split on LF only; a CR before it is dropped), writes one JSON line per input line. */
    static int parse(String[] args, InputStream in, OutputStream rawOut) {
        Path model = null;
        LabelConvention convention = LabelConvention.AUTO;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = Path.of(value(args, ++i, "--model"));
                case "--convention" -> convention = LabelConvention.of(value(args, ++i, "--convention"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: refs-parse [--model FILE] [--convention auto|anystyle|grobid]");
            }
        }
        ReferenceParser shipped = model == null ? ReferenceParser.withShippedModel() : ReferenceParser.withModel(model);
        // the lines are taken as one list, in order: neighbours help judge an unsure line's convention
        ReferenceListParser parser = shipped.forList(convention);
        OutputStream out = new BufferedOutputStream(rawOut, 1 << 16);
        try {
            byte[] buf = new byte[1 << 16];
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            boolean overlong = false;
            boolean pending = false;
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        overlong |= line.size() + (i - from) > MAX_LINE_BYTES;
                        if (!overlong) {
                            line.write(buf, from, i - from);
                        }
                        writeLine(parser, overlong ? null : line.toByteArray(), out);
                        line.reset();
                        overlong = false;
                        from = i + 1;
                    }
                }
                if (!overlong) {
                    line.write(buf, from, n - from);
                    if (line.size() > MAX_LINE_BYTES) {
                        overlong = true;
                        line.reset();
                    }
                }
                pending = line.size() > 0 || overlong;
                if (in.available() <= 0) {
                    // nothing more to read yet: let an interactive caller see the answers so far
                    out.flush();
                }
            }
            if (pending) {
                writeLine(parser, overlong ? null : line.toByteArray(), out);
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input or write standard output", e);
        }
    }

    private static void writeLine(ReferenceListParser parser, byte[] bytes, OutputStream out) throws IOException {
        String json = "{\"fields\": []}";
        if (bytes != null) {
            int len = bytes.length;
            if (len > 0 && bytes[len - 1] == '\r') {
                len--;
            }
            try {
                String text = decode(bytes, len);
                ParsedReference p = parser.parse(text);
                List<String[]> fields = new ArrayList<>(p.fields().size());
                for (Field f : p.fields()) {
                    fields.add(new String[] {f.label(), f.text()});
                }
                json = Json.fields(fields);
            } catch (RuntimeException | StackOverflowError e) {
                // the contract: a line that cannot be parsed gives no fields, and the run goes on
                System.err.println("refs-parse: line not parsed: " + e);
            }
        }
        out.write(json.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
    }

    /** UTF-8, with malformed bytes replaced by U+FFFD rather than refused. */
    private static String decode(byte[] bytes, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int eval(String[] args, PrintStream out) {
        List<Path> files = new ArrayList<>();
        Path model = null;
        // "format": each gold file's own convention, told by its format (AnyStyle XML or GROBID TEI)
        String convention = "auto";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--model")) {
                model = Path.of(value(args, ++i, "--model"));
            } else if (args[i].equals("--convention")) {
                convention = value(args, ++i, "--convention");
                if (!convention.equals("format")) {
                    LabelConvention.of(convention);
                }
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(
                    "usage: refs-eval [--model FILE] [--convention auto|anystyle|grobid|format] FILE...");
        }
        List<Sample> samples = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                samples.addAll(TrainingData.readDirectory(f));
            } else if (Files.isRegularFile(f)) {
                samples.addAll(TrainingData.readFile(f));
            } else {
                throw new IllegalArgumentException("no such file: " + f);
            }
        }
        ReferenceParser parser = model == null ? ReferenceParser.withShippedModel() : ReferenceParser.withModel(model);
        // the strings in the files' order, as one list: what refs-parse answers for their concatenation;
        // under "format" each string is told its file's convention instead, so there is no list
        ReferenceListParser list = convention.equals("format") ? null : parser.forList(LabelConvention.of(convention));
        Evaluation all = new Evaluation();
        for (Sample s : samples) {
            List<Span> predicted = new ArrayList<>();
            ParsedReference parsed = list != null ? list.parse(s.text())
                    : parser.parse(s.text(), s.source().equals("grobid") ? LabelConvention.GROBID : LabelConvention.ANYSTYLE);
            for (Field f : parsed.fields()) {
                predicted.add(new Span(f.label(), f.start(), f.end()));
            }
            all.add(s.text(), s.spans(), predicted);
        }
        out.printf("%d reference strings from %d file(s)%s%n", samples.size(), files.size(),
                convention.equals("auto") ? "" : convention.equals("format") ? ", each in its format's label convention"
                        : ", in the " + convention + " label convention");
        all.report().forEach(out::println);
        out.flush();
        return 0;
    }

    static int train(String[] args, PrintStream out) {
        Path shared = null;
        Path modelOut = Path.of(DEFAULT_MODEL_OUT);
        CrfTrainer.Settings settings = CrfTrainer.Settings.defaults();
        boolean dev = true;
        boolean full = true;
        Training.Split split = Training.Split.FILES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(value(args, ++i, "--shared"));
                case "--out" -> modelOut = Path.of(value(args, ++i, "--out"));
                case "--epochs" -> settings = settings.withEpochs(Integer.parseInt(value(args, ++i, "--epochs")));
                case "--no-dev" -> dev = false;
                case "--dev-only" -> full = false;
                case "--split" -> split = switch (value(args, ++i, "--split")) {
                    case "files" -> Training.Split.FILES;
                    case "entries" -> Training.Split.ENTRIES;
                    default -> throw new IllegalArgumentException("--split takes files or entries, not " + args[i]);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: refs-train [--shared DIR] [--out FILE] [--epochs N] [--no-dev] [--dev-only] [--split files|entries]");
            }
        }
        Path dir = trainingDir(shared);
        List<Sample> all = TrainingData.readDirectory(dir);
        Gazetteer corpusNames = CorpusNames.read(sharedBase(shared).resolve("corpus").resolve("jats"), System.err);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no gold reference strings under " + dir);
        }
        if (dev) {
            List<List<Sample>> parts = Training.split(all, split);
            out.printf("development split (%s): %d training strings, %d held out (%s)%n",
                    split.name().toLowerCase(java.util.Locale.ROOT), parts.get(0).size(), parts.get(1).size(), dir);
            out.flush();
            CrfModel m = Training.asStored(Training.train(parts.get(0), corpusNames, settings, System.err));
            Map<String, Evaluation> alone = Training.evaluate(m, parts.get(1), false);
            for (Map.Entry<String, Evaluation> e : Training.evaluate(m, parts.get(1), true).entrySet()) {
                out.println();
                out.println("== development set: " + e.getKey() + " (in the files' order, as one list)");
                out.printf(java.util.Locale.ROOT, "(each string alone: micro-F1 %.4f)%n", alone.get(e.getKey()).microF1());
                e.getValue().report().forEach(out::println);
            }
            out.flush();
        }
        if (full) {
            System.err.printf("refs-train: final model on all %d strings%n", all.size());
            CrfModel m = Training.train(all, corpusNames, settings, System.err);
            try {
                Training.write(m, modelOut);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + modelOut, e);
            }
            try {
                out.printf("%nmodel written to %s (%d features, %d bytes)%n", modelOut, m.featureCount(),
                        Files.size(modelOut));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Path sharedBase(Path shared) {
        return shared != null ? shared : Path.of("..", "shared");
    }

    /** {@code --shared DIR} (the shared folder or its refs/train), else ../shared beside the working directory. */
    static Path trainingDir(Path shared) {
        Path base = sharedBase(shared);
        Path nested = base.resolve("refs").resolve("train");
        Path dir = Files.isDirectory(nested) ? nested : base;
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no training data at " + dir + " (give --shared DIR)");
        }
        return dir;
    }
}
