package org.recto.references.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Tells which of the two gold conventions a string most resembles: AnyStyle's (every token in a
 * field, "pp." and "In" inside the field) or GROBID's (physics-style strings, labels on the bare
 * values). A logistic regression over the string's words, shapes and punctuation patterns. The CRF's
 * features are conditioned on a convention, so one model can follow both; this classifier says which
 * one a string follows.
 */
public final class StyleClassifier {

    public static final int ANYSTYLE = 1;
    public static final int GROBID = 2;

    private final LongIntMap index;
    private final float[] weights;
    private final float bias;
    private final float grobidShare;

    private StyleClassifier(LongIntMap index, float[] weights, float bias, float grobidShare) {
        this.index = index;
        this.weights = weights;
        this.bias = bias;
        this.grobidShare = grobidShare;
    }

    /** The share of GROBID strings among those the classifier was trained on: its prior. */
    public double grobidShare() {
        return grobidShare;
    }

    /** {@link #ANYSTYLE} or {@link #GROBID}. */
    public int classify(Tokens toks) {
        return probability(Features.analyse(toks)) > 0.5 ? GROBID : ANYSTYLE;
    }

    /** The probability that the string follows GROBID's conventions. */
    public double probability(Features.Analysis a) {
        return 1 / (1 + Math.exp(-score(features(a))));
    }

    /**
     * The probability in five bands. The outer two are the sure answers, and the style values the
     * CRF's features are conditioned on for the two conventions ({@link #sureBand}); for a string in
     * the middle three the parser weighs both (see {@link CrfModel#tag(Tokens, int)}).
     */
    public static int band(double p) {
        return p < 0.1 ? 1 : p < 0.35 ? 2 : p < 0.65 ? 3 : p < 0.9 ? 4 : 5;
    }

    /** The band of a sure answer for a convention ({@link #ANYSTYLE} or {@link #GROBID}). */
    public static int sureBand(int convention) {
        return convention == GROBID ? band(1.0) : band(0.0);
    }

    private double score(long[] feats) {
        double s = bias;
        for (long f : feats) {
            int i = index.get(f, -1);
            if (i >= 0) {
                s += weights[i];
            }
        }
        return s;
    }

    /** Bag of the string's words, word bigrams, shapes, shape bigrams and spacing around punctuation. */
    public static long[] features(Features.Analysis a) {
        Tokens toks = a.toks();
        int n = Math.min(toks.size(), 400);
        long[] out = new long[n * 5 + 1];
        int k = 0;
        long prevShape = 7;
        long prevWord = 0;
        for (int i = 0; i < n; i++) {
            long word = a.wordHash()[i];
            long shape = a.shapeHash()[i];
            out[k++] = Features.f(101, word);
            out[k++] = Features.f(106, Features.mix(prevWord, word));
            out[k++] = Features.f(102, shape);
            out[k++] = Features.f(103, Features.mix(prevShape, shape));
            if (!Tokenizer.isWordChar(toks.text().codePointAt(toks.start()[i]))) {
                int sp = (toks.spaceBefore(i) ? 1 : 0) | (toks.spaceAfter(i) ? 2 : 0);
                out[k++] = Features.f(104, Features.mix(word, sp));
            }
            prevShape = shape;
            prevWord = word;
        }
        out[k++] = Features.f(105, Math.min(n / 5, 12));
        return java.util.Arrays.copyOf(out, k);
    }

    /** A classifier of these feature weights (see {@code references.training.ClassifierTrainer}). */
    public static StyleClassifier of(LongIntMap index, float[] weights, float bias, float grobidShare) {
        return new StyleClassifier(index, weights, bias, grobidShare);
    }

    /**
     * Weights smaller than this are not stored. The classifier decides as well without them (on the
     * development splits 86 to 89 % of strings are right, at 0.01 as at 0.1), and it stores half as
     * much.
     */
    static final float STORED_MIN_WEIGHT = 0.1f;

    void write(DataOutputStream out) throws IOException {
        out.writeFloat(bias);
        out.writeFloat(grobidShare);
        LongIntMap kept = new LongIntMap(1 << 10);
        index.forEach((key, row) -> {
            if (Math.abs(weights[row]) >= STORED_MIN_WEIGHT) {
                kept.put(key, row);
            }
        });
        long[] keys = new long[kept.size()];
        int[] rows = new int[kept.size()];
        ModelCodec.sortedEntries(kept, keys, rows);
        float[] w = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            w[i] = weights[rows[i]];
        }
        ModelCodec.writeKeys(out, keys);
        ModelCodec.writeWeights(out, w);
    }

    static StyleClassifier read(DataInputStream in) throws IOException {
        float bias = in.readFloat();
        float share = in.readFloat();
        if (!(share > 0 && share < 1)) {
            throw new IOException("classifier prior " + share + " is not a share between 0 and 1");
        }
        long[] keys = ModelCodec.readKeys(in, 20_000_000);
        float[] w = ModelCodec.readWeights(in, keys.length);
        if (w.length != keys.length) {
            throw new IOException("classifier has " + keys.length + " features but " + w.length + " weights");
        }
        LongIntMap index = new LongIntMap(Math.max(4, keys.length));
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
        return new StyleClassifier(index, w, bias, share);
    }
}
