package org.recto.references.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.recto.references.internal.Features;
import org.recto.references.internal.LongIntMap;
import org.recto.references.internal.StyleClassifier;
import org.recto.references.internal.Tokenizer;

/** Trains the {@link StyleClassifier}: a logistic regression by stochastic gradient, GROBID strings the positive class. */
public final class ClassifierTrainer {

    private ClassifierTrainer() {
    }

    /** Trains on labelled samples (source "grobid" is the positive class). */
    public static StyleClassifier train(List<Sample> samples, int epochs, long seed) {
        List<long[]> x = new ArrayList<>(samples.size());
        int[] y = new int[samples.size()];
        LongIntMap index = new LongIntMap(1 << 18);
        for (int k = 0; k < samples.size(); k++) {
            long[] f = StyleClassifier.features(Features.analyse(Tokenizer.tokenize(samples.get(k).text())));
            x.add(f);
            y[k] = samples.get(k).source().equals("grobid") ? 1 : 0;
            for (long h : f) {
                if (index.get(h, -1) < 0) {
                    index.put(h, index.size());
                }
            }
        }
        double[] w = new double[index.size()];
        double b = 0;
        Random r = new Random(seed);
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double lambda = 1e-5;
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double eta = 0.1 / (1 + 0.5 * e);
            for (int k : order) {
                long[] f = x.get(k);
                double s = b;
                for (long h : f) {
                    s += w[index.get(h, -1)];
                }
                double p = 1 / (1 + Math.exp(-s));
                double g = y[k] - p;
                b += eta * g;
                for (long h : f) {
                    int i = index.get(h, -1);
                    w[i] += eta * (g - lambda * w[i]);
                }
            }
        }
        float[] fw = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            fw[i] = (float) w[i];
        }
        int positives = 0;
        for (int label : y) {
            positives += label;
        }
        // one pseudo string of each convention keeps the share strictly between 0 and 1
        float share = (positives + 1) / (float) (y.length + 2);
        return StyleClassifier.of(index, fw, (float) b, share);
    }
}
