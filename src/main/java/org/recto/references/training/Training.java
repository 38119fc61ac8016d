package org.recto.references.training;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.recto.references.internal.ConventionContext;
import org.recto.references.internal.CrfModel;
import org.recto.references.internal.Features;
import org.recto.references.internal.Gazetteer;
import org.recto.references.internal.Span;
import org.recto.references.internal.StyleClassifier;
import org.recto.references.internal.Tagger;
import org.recto.references.internal.Tokenizer;
import org.recto.references.internal.Tokens;

/**
 * The {@code refs-train} pipeline: read the shared gold data, hold out a development share, train on
 * the rest and print the development scores, then train on everything and write the model.
 */
public final class Training {

    /** Share of units held out for development. */
    static final double DEV_SHARE = 0.15;

    /** Share of entries held out by {@link Split#ENTRIES}: the shared data's own held-out share is a fifth. */
    static final double ENTRY_DEV_SHARE = 0.2;

    /** How the development share is drawn. */
    public enum Split {
        /**
         * Whole per-paper GROBID files and single strings elsewhere, with any training string equal to
         * a held-out one dropped: the model is scored on citation styles and strings it never saw.
         */
        FILES,
        /**
         * Every fifth entry or so of every file, duplicates left where they fall: the way the shared
         * data's held-out share was drawn (its entries were taken out of the same files).
         */
        ENTRIES
    }

    private Training() {
    }

    /** Whether a sample falls in the development share: a hash of its unit (a whole file, or its text). */
    public static boolean isDev(Sample s) {
        return hashShare("recto-dev:" + s.unit()) < DEV_SHARE;
    }

    private static double hashShare(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long top = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
            return top / (double) (1L << 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Train and dev shares by {@link Split#FILES}. */
    public static List<List<Sample>> split(List<Sample> all) {
        return split(all, Split.FILES);
    }

    /** Train and dev shares, in that order. */
    public static List<List<Sample>> split(List<Sample> all, Split how) {
        List<Sample> train = new ArrayList<>();
        List<Sample> dev = new ArrayList<>();
        if (how == Split.ENTRIES) {
            Map<String, Integer> ordinal = new HashMap<>();
            for (Sample s : all) {
                int i = ordinal.merge(s.file(), 1, Integer::sum);
                (hashShare("recto-dev-entry:" + s.file() + ":" + i) < ENTRY_DEV_SHARE ? dev : train).add(s);
            }
            return List.of(train, dev);
        }
        Set<String> devKeys = new HashSet<>();
        for (Sample s : all) {
            if (isDev(s)) {
                dev.add(s);
                devKeys.add(TrainingData.normalizedKey(s.text()));
            }
        }
        for (Sample s : all) {
            if (!isDev(s) && !devKeys.contains(TrainingData.normalizedKey(s.text()))) {
                train.add(s);
            }
        }
        return List.of(train, dev);
    }

    public static CrfModel train(List<Sample> samples, CrfTrainer.Settings settings, PrintStream log) {
        return train(samples, Gazetteer.empty(), settings, log);
    }

    /**
     * Trains on {@code samples}; {@code background} holds names known from elsewhere (the JATS corpus),
     * to which the names labelled in the samples are added.
     */
    public static CrfModel train(List<Sample> samples, Gazetteer background, CrfTrainer.Settings settings,
            PrintStream log) {
        // The CRF learns each convention from the strings that follow it (their source's): its features
        // are conditioned on the gold convention. Which convention a new string follows is the style
        // classifier's call, or, when it is unsure, the joint choice of the two (CrfModel.tag).
        StyleClassifier classifier = ClassifierTrainer.train(samples, CLASSIFIER_EPOCHS, settings.seed());
        log.println("refs-train: style classifier trained");
        // A string's own journal must not be known from the string itself, or the CRF would learn to
        // trust a name far more than it deserves on text it has never seen: names come from the other
        // half of the data.
        List<Sample> foldA = new ArrayList<>();
        List<Sample> foldB = new ArrayList<>();
        for (Sample s : samples) {
            (TrainingData.normalizedKey(s.text()).hashCode() % 2 == 0 ? foldA : foldB).add(s);
        }
        Gazetteer namesA = names(background, foldA);
        Gazetteer namesB = names(background, foldB);
        Gazetteer allNames = names(background, samples);
        log.printf("refs-train: %d known names (%d from the JATS corpus)%n", allNames.size(), background.size());
        Set<Sample> inA = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        inA.addAll(foldA);
        List<CrfTrainer.Sequence> seqs = parallelMap(samples, s -> {
            Tokens toks = Tokenizer.tokenize(s.text());
            Features.Analysis a = Features.analyse(toks);
            boolean inFoldA = inA.contains(s);
            int style = StyleClassifier.sureBand(GoldStates.style(s));
            return new CrfTrainer.Sequence(Features.extract(a, style, inFoldA ? namesB : namesA),
                    GoldStates.states(s, toks));
        });
        CrfModel model = new CrfTrainer(Tagger.LABELS, settings, log).train(seqs).withStyle(classifier).withNames(allNames);
        // small weights barely change a decision but make most of the model's size
        CrfModel pruned = settings.prune() > 0 ? model.pruned(settings.prune()) : model;
        log.printf("refs-train: %d features with %d non-zero weights after pruning at %.3f%n", pruned.featureCount(),
                pruned.nonZeroWeights(), settings.prune());
        return pruned;
    }

    static final int CLASSIFIER_EPOCHS = 60;

    private static Gazetteer names(Gazetteer background, List<Sample> samples) {
        Gazetteer.Builder b = Gazetteer.builder().addAll(background);
        for (Sample s : samples) {
            for (Span sp : s.spans()) {
                b.add(sp.label(), Evaluation.clean(s.text().substring(sp.start(), sp.end())));
            }
        }
        return b.build();
    }

    private static List<CrfTrainer.Sequence> parallelMap(List<Sample> samples,
            java.util.function.Function<Sample, CrfTrainer.Sequence> fn) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CrfTrainer.Sequence>>> parts = new ArrayList<>();
            int chunk = (samples.size() + threads - 1) / threads;
            for (int from = 0; from < samples.size(); from += chunk) {
                List<Sample> part = samples.subList(from, Math.min(samples.size(), from + chunk));
                parts.add(pool.submit(() -> part.stream().map(fn).toList()));
            }
            List<CrfTrainer.Sequence> out = new ArrayList<>(samples.size());
            for (Future<List<CrfTrainer.Sequence>> f : parts) {
                out.addAll(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("feature extraction failed", e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Evaluates a model on samples, per source and overall (key "all"). With {@code asList} the samples
     * are parsed in order as one list, as {@code refs-parse} parses its lines (each string's neighbours
     * help judge its convention); otherwise each string alone.
     */
    public static Map<String, Evaluation> evaluate(CrfModel model, List<Sample> samples, boolean asList) {
        Map<String, Evaluation> bySource = new LinkedHashMap<>();
        Evaluation all = new Evaluation();
        ConventionContext context = asList ? model.newConventionContext() : null;
        int styleRight = 0;
        for (Sample s : samples) {
            Features.Analysis a = Features.analyse(Tokenizer.tokenize(s.text()));
            List<Span> predicted = context == null ? model.tag(a, 0) : model.tag(a, context);
            double p = model.conventionProbability(a);
            if ((p > 0.5 ? StyleClassifier.GROBID : StyleClassifier.ANYSTYLE) == GoldStates.style(s)) {
                styleRight++;
            }
            Evaluation e = bySource.computeIfAbsent(s.source(), k -> new Evaluation());
            e.add(s.text(), s.spans(), predicted);
            all.add(s.text(), s.spans(), predicted);
        }
        bySource.put("all", all);
        System.err.printf("refs-train: style classifier, alone, right on %d of %d strings%n", styleRight, samples.size());
        return bySource;
    }

    /**
     * The model as it will be read back from its file: stored weights are quantised and the style
     * classifier's smallest weights dropped, so this is the model that should be scored.
     */
    public static CrfModel asStored(CrfModel model) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            model.write(bytes);
            return CrfModel.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void write(CrfModel model, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
            model.write(o);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
