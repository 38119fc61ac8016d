package org.recto.references.internal;

/**
 * What the strings before this one say about the labelling convention. The strings of one list
 * (one paper's references, one gold file) follow one convention, so when most of the recent ones
 * look like GROBID's, an unsure one probably is too.
 *
 * <p>The share of GROBID-like strings among the last {@link #WINDOW} (the mean of their classifier
 * probabilities, drawn towards the training data's share by {@link #PSEUDO_STRINGS} strings) moves a
 * string's log-odds by {@link #GAIN} times its distance from that share, in log-odds. In a stream
 * that mixes the two conventions at random the share stays near the training share and the shift
 * near nought, so the context costs next to nothing where it cannot help. Only earlier strings count,
 * so a string's answer never waits for later input. Not thread-safe: one per list.
 */
public final class ConventionContext {

    /**
     * Strings remembered. On the development splits, in the files' order, 320 gained more than 40 or
     * 80 (1.0 and 1.4 points of micro-F1, against 0.6 and 1.3 for 80); with the strings shuffled it
     * lost nothing, where 40 lost 0.2.
     */
    static final int WINDOW = 320;

    /** Strength of the shift; at 10 a window clearly of one convention decides an unsure string. */
    static final double GAIN = 10.0;

    /** Strings of the prior share that every window starts with, so a short one moves little. */
    static final double PSEUDO_STRINGS = 2.0;

    private final double[] recent;
    private final double prior;
    private int size;
    private int next;
    private double sum;

    /** A context whose neutral share, where it shifts nothing, is {@code prior}. */
    public ConventionContext(double prior) {
        this(WINDOW, prior);
    }

    ConventionContext(int window, double prior) {
        if (window < 1 || !(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("window " + window + ", prior " + prior);
        }
        this.recent = new double[window];
        this.prior = prior;
    }

    /** The log-odds shift for the next string: positive towards GROBID's convention. */
    public double shift() {
        if (size == 0) {
            return 0.0;
        }
        double share = (sum + PSEUDO_STRINGS * prior) / (size + PSEUDO_STRINGS);
        share = Math.min(Math.max(share, 1e-3), 1 - 1e-3);
        return GAIN * (logit(share) - logit(prior));
    }

    /** A string's probability of GROBID's convention, by the classifier alone, moved by {@link #shift()}. */
    public double adjusted(double probability) {
        double shift = shift();
        if (shift == 0.0) {
            return probability;
        }
        double q = Math.min(Math.max(probability, 1e-9), 1 - 1e-9);
        return 1 / (1 + Math.exp(-(logit(q) + shift)));
    }

    /** Records a string's probability of GROBID's convention by the classifier alone. */
    public void add(double probability) {
        if (size == recent.length) {
            sum -= recent[next];
        } else {
            size++;
        }
        recent[next] = probability;
        sum += probability;
        next = (next + 1) % recent.length;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
