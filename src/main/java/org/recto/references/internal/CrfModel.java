package org.recto.references.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear-chain CRF over BIO states: state 0 is "outside any field", state {@code 1 + 2k}
 * begins a field of label {@code k}, state {@code 2 + 2k} continues it. Decoding is Viterbi, linear
 * in the number of tokens. Immutable once built, so one instance serves every thread.
 */
public final class CrfModel {

    private static final int MAGIC = 0x52435246; // "RCRF"
    private static final int VERSION = 5;

    private final String[] labels;
    private final int states;
    private final EmissionRows rows;
    private final float[] transitions;
    private final float[] starts;
    private final StyleClassifier style;
    private final Gazetteer names;
    private final int[][] predecessors; // per state, the states that may come before it
    private final double[] expTransitions; // exp of the transition weights, for the forward pass
    private final double[] expStarts;

    /** A model from dense emission weights, {@code states} per row of {@code index}. */
    public CrfModel(String[] labels, LongIntMap index, float[] weights, float[] transitions, float[] starts) {
        this(labels, EmissionRows.fromDense(index, weights, 1 + 2 * labels.length), transitions, starts, null, null);
    }

    private CrfModel(String[] labels, EmissionRows rows, float[] transitions, float[] starts,
            StyleClassifier style, Gazetteer names) {
        if (1 + 2 * labels.length > 256) {
            throw new IllegalArgumentException("at most 127 labels");
        }
        this.labels = labels.clone();
        this.states = 1 + 2 * labels.length;
        this.rows = rows;
        this.transitions = transitions;
        this.starts = starts;
        this.style = style;
        this.names = names;
        this.predecessors = new int[states][];
        for (int y = 0; y < states; y++) {
            int[] p = new int[states];
            int k = 0;
            for (int x = 0; x < states; x++) {
                if (allowed(x, y)) {
                    p[k++] = x;
                }
            }
            predecessors[y] = Arrays.copyOf(p, k);
        }
        this.expTransitions = new double[states * states];
        for (int i = 0; i < expTransitions.length; i++) {
            expTransitions[i] = Math.exp(transitions[i]);
        }
        this.expStarts = new double[states];
        for (int y = 0; y < states; y++) {
            expStarts[y] = allowedFirst(y) ? Math.exp(starts[y]) : 0.0;
        }
    }

    /** The same model with a style classifier, whose answer the features are conditioned on. */
    public CrfModel withStyle(StyleClassifier classifier) {
        return new CrfModel(labels, rows, transitions, starts, classifier, names);
    }

    /** The same model with the names its features were trained to look up. */
    public CrfModel withNames(Gazetteer known) {
        return new CrfModel(labels, rows, transitions, starts, style, known);
    }

    /**
     * The same model without emission weights below {@code tau} in magnitude, and without the
     * features left with none: a much smaller model that decides almost always as this one.
     */
    public CrfModel pruned(float tau) {
        return new CrfModel(labels, rows.pruned(tau), transitions, starts, style, names);
    }

    /** The number of non-zero emission weights. */
    public long nonZeroWeights() {
        return rows.nonZero();
    }

    /** The citation style of a string as this model's features expect it (0 when it has no classifier). */
    public int style(Tokens toks) {
        return style(Features.analyse(toks));
    }

    int style(Features.Analysis a) {
        return style == null ? 0 : StyleClassifier.band(style.probability(a));
    }

    /** Labels a tokenised string: features, decoding, spans. */
    public List<Span> tag(Tokens toks) {
        return tag(toks, 0);
    }

    /**
     * Labels a tokenised string following one labelling convention ({@link StyleClassifier#ANYSTYLE}
     * or {@link StyleClassifier#GROBID}), or, for 0, the one that fits it best.
     *
     * <p>For 0, when the style classifier is sure, its convention is followed. When it is not, the
     * string is decoded under each convention and the one with the higher joint probability wins: the
     * classifier's probability of the convention times the CRF's probability of its best labelling
     * under it. Letting the CRF see an unsure answer instead gives labellings that mix the two
     * conventions, right under neither.
     */
    public List<Span> tag(Tokens toks, int convention) {
        return tag(Features.analyse(toks), convention);
    }

    /** As {@link #tag(Tokens, int)}, for a string already analysed. */
    public List<Span> tag(Features.Analysis a, int convention) {
        boolean given = convention == StyleClassifier.ANYSTYLE || convention == StyleClassifier.GROBID;
        if (given || style == null) {
            int band = given ? StyleClassifier.sureBand(convention) : 0;
            return Tagger.spans(a.toks(), decode(Features.extract(a, band, names)), this);
        }
        return chosen(a, style.probability(a));
    }

    /**
     * A context for the strings of one list, parsed in order (see {@link ConventionContext}); null when
     * the model has no style classifier, so there is no convention to choose.
     */
    public ConventionContext newConventionContext() {
        return style == null ? null : new ConventionContext(style.grobidShare());
    }

    /**
     * Labels the next string of a list: the classifier's probability for its convention is moved by
     * what the strings before it say (see {@link ConventionContext}), and the string then joins them.
     * The classifier runs once per string.
     */
    public List<Span> tag(Features.Analysis a, ConventionContext context) {
        if (style == null) {
            return tag(a, 0);
        }
        double p = style.probability(a);
        List<Span> spans = chosen(a, context.adjusted(p));
        if (a.toks().size() > 0) {
            context.add(p);
        }
        return spans;
    }

    /**
     * The probability, by the style classifier alone, that a string follows GROBID's convention (one
     * half without a classifier).
     */
    public double conventionProbability(Features.Analysis a) {
        return style == null ? 0.5 : style.probability(a);
    }

    /**
     * Labels a string that follows GROBID's convention with probability {@code p}: in a sure band under
     * that convention alone, otherwise under each, the higher joint probability winning.
     */
    private List<Span> chosen(Features.Analysis a, double p) {
        Tokens toks = a.toks();
        int anyStyle = StyleClassifier.sureBand(StyleClassifier.ANYSTYLE);
        int grobid = StyleClassifier.sureBand(StyleClassifier.GROBID);
        int band = StyleClassifier.band(p);
        if (band == anyStyle || band == grobid) {
            return Tagger.spans(toks, decode(Features.extract(a, band, names)), this);
        }
        p = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        long[][] asAnyStyle = Features.extract(a, anyStyle, names);
        long[][] asGrobid = Features.extract(a, grobid, names);
        int[] pathA = new int[asAnyStyle.length];
        int[] pathG = new int[asGrobid.length];
        double jointA = Math.log(1 - p) + viterbi(asAnyStyle, pathA) - logPartition(asAnyStyle);
        double jointG = Math.log(p) + viterbi(asGrobid, pathG) - logPartition(asGrobid);
        return Tagger.spans(toks, jointG > jointA ? pathG : pathA, this);
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public int stateCount() {
        return states;
    }

    public int featureCount() {
        return rows.rows();
    }

    /** The label of a state, or null for "outside". */
    public String label(int state) {
        return state == 0 ? null : labels[(state - 1) / 2];
    }

    static boolean isBegin(int state) {
        return state > 0 && (state - 1) % 2 == 0;
    }

    /** Whether {@code to} may follow {@code from}; a field can only continue after its own label. */
    public static boolean allowed(int from, int to) {
        if (to == 0 || isBegin(to)) {
            return true;
        }
        return from == to || from == to - 1;
    }

    public static boolean allowedFirst(int state) {
        return state == 0 || isBegin(state);
    }

    /** The most likely state sequence for tokens with these feature hashes. */
    public int[] decode(long[][] feats) {
        int[] path = new int[feats.length];
        viterbi(feats, path);
        return path;
    }

    /** Writes the most likely state sequence into {@code path} and answers its score. */
    private double viterbi(long[][] feats, int[] path) {
        int n = feats.length;
        if (n == 0) {
            return 0;
        }
        int s = states;
        float[] emit = new float[s];
        double[] score = new double[s];
        double[] next = new double[s];
        int[] back = new int[n * s];
        emissions(feats[0], emit);
        for (int y = 0; y < s; y++) {
            score[y] = allowedFirst(y) ? starts[y] + emit[y] : Double.NEGATIVE_INFINITY;
        }
        for (int t = 1; t < n; t++) {
            emissions(feats[t], emit);
            for (int y = 0; y < s; y++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p : predecessors[y]) {
                    double v = score[p] + transitions[p * s + y];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                next[y] = best + emit[y];
                back[t * s + y] = arg;
            }
            double[] tmp = score;
            score = next;
            next = tmp;
        }
        int arg = 0;
        for (int y = 1; y < s; y++) {
            if (score[y] > score[arg]) {
                arg = y;
            }
        }
        double best = score[arg];
        for (int t = n - 1; t >= 0; t--) {
            path[t] = arg;
            arg = back[t * s + arg];
        }
        return best;
    }

    /**
     * The log of the summed exponentiated scores of every allowed state sequence (the forward
     * algorithm, in probabilities rescaled at every token).
     */
    private double logPartition(long[][] feats) {
        int n = feats.length;
        if (n == 0) {
            return 0;
        }
        int s = states;
        float[] emit = new float[s];
        double[] alpha = new double[s];
        double[] next = new double[s];
        double logZ = 0;
        for (int t = 0; t < n; t++) {
            emissions(feats[t], emit);
            float max = Float.NEGATIVE_INFINITY;
            for (float e : emit) {
                max = Math.max(max, e);
            }
            double sum = 0;
            for (int y = 0; y < s; y++) {
                double acc;
                if (t == 0) {
                    acc = expStarts[y];
                } else {
                    acc = 0;
                    for (int p : predecessors[y]) {
                        acc += alpha[p] * expTransitions[p * s + y];
                    }
                }
                next[y] = acc * Math.exp(emit[y] - max);
                sum += next[y];
            }
            for (int y = 0; y < s; y++) {
                alpha[y] = next[y] / sum;
            }
            logZ += max + Math.log(sum);
        }
        return logZ;
    }

    private void emissions(long[] feats, float[] emit) {
        Arrays.fill(emit, 0f);
        for (long f : feats) {
            rows.addTo(f, emit);
        }
    }

    /**
     * Writes the model gzipped: labels, transitions and starts, then the emission rows in hash order:
     * their hashes, each row's count of non-zero weights, their states (as steps from the row's
     * previous one) and the weights ({@link ModelCodec}). Separate blocks compress better than rows
     * interleaved.
     */
    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(labels.length);
        for (String l : labels) {
            out.writeUTF(l);
        }
        for (float v : transitions) {
            out.writeFloat(v);
        }
        for (float v : starts) {
            out.writeFloat(v);
        }
        Integer[] order = new Integer[rows.rows()];
        Arrays.setAll(order, r -> r);
        Arrays.sort(order, (x, y) -> Long.compareUnsigned(rows.key(x), rows.key(y)));
        long[] keys = new long[order.length];
        byte[] counts = new byte[order.length];
        byte[] steps = new byte[rows.nonZero()];
        float[] nonZero = new float[rows.nonZero()];
        int k = 0;
        for (int r = 0; r < order.length; r++) {
            keys[r] = rows.key(order[r]);
            counts[r] = (byte) (rows.end(order[r]) - rows.start(order[r]));
            int previous = 0;
            for (int j = rows.start(order[r]); j < rows.end(order[r]); j++) {
                steps[k] = (byte) (rows.state(j) - previous);
                previous = rows.state(j);
                nonZero[k++] = rows.weight(j);
            }
        }
        ModelCodec.writeKeys(out, keys);
        out.write(counts);
        out.write(steps);
        ModelCodec.writeWeights(out, nonZero);
        out.writeBoolean(style != null);
        if (style != null) {
            style.write(out);
        }
        out.writeBoolean(names != null);
        if (names != null) {
            names.write(out);
        }
        out.flush();
        gz.finish();
    }

    public static CrfModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a reference-parser model");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("a reference-parser model of version " + version + ", not " + VERSION
                    + "; retrain it with refs-train");
        }
        int nLabels = in.readInt();
        if (nLabels <= 0 || nLabels > 120) {
            throw new IOException("bad label count " + nLabels);
        }
        String[] labels = new String[nLabels];
        for (int i = 0; i < nLabels; i++) {
            labels[i] = in.readUTF();
        }
        int s = 1 + 2 * nLabels;
        float[] transitions = new float[s * s];
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] = in.readFloat();
        }
        float[] starts = new float[s];
        for (int i = 0; i < s; i++) {
            starts[i] = in.readFloat();
        }
        long[] keys = ModelCodec.readKeys(in, EmissionRows.MAX_ROWS);
        int rows = keys.length;
        byte[] counts = new byte[rows];
        in.readFully(counts);
        long total = 0;
        for (byte c : counts) {
            total += c & 0xFF;
        }
        if (total > (long) rows * s || total > Integer.MAX_VALUE - 8) {
            throw new IOException("bad weight count " + total);
        }
        byte[] steps = new byte[(int) total];
        in.readFully(steps);
        float[] nonZero = ModelCodec.readWeights(in, (int) total);
        if (nonZero.length != total) {
            throw new IOException("expected " + total + " weights, found " + nonZero.length);
        }
        int[] start = new int[rows + 1];
        byte[] state = new byte[(int) total];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = k;
            int y = 0;
            for (int c = 0; c < (counts[r] & 0xFF); c++, k++) {
                y += steps[k] & 0xFF;
                if (y >= s || c > 0 && steps[k] == 0) {
                    throw new IOException("bad state " + y + " in row " + r);
                }
                state[k] = (byte) y;
            }
        }
        start[rows] = k;
        StyleClassifier style = in.readBoolean() ? StyleClassifier.read(in) : null;
        Gazetteer names = in.readBoolean() ? Gazetteer.read(in) : null;
        EmissionRows emissions;
        try {
            emissions = new EmissionRows(keys, start, state, nonZero);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new CrfModel(labels, emissions, transitions, starts, style, names);
    }
}
