package org.recto.references.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.recto.references.internal.Span;

/**
 * Field-level scores: a predicted field is right when its label and its text, trimmed of surrounding
 * spaces and punctuation, equal those of a gold field of the same string not yet matched.
 */
public final class Evaluation {

    private final Map<String, int[]> counts = new TreeMap<>(); // label -> {true positives, predicted, gold}

    /** Scores one string's predicted spans against its gold spans. */
    public void add(String text, List<Span> gold, List<Span> predicted) {
        Map<String, Integer> open = new HashMap<>();
        for (Span g : gold) {
            String t = clean(text.substring(g.start(), g.end()));
            if (t.isEmpty()) {
                continue;
            }
            counts.computeIfAbsent(g.label(), k -> new int[3])[2]++;
            open.merge(g.label() + '\u0000' + t, 1, Integer::sum);
        }
        for (Span p : predicted) {
            String t = clean(text.substring(p.start(), p.end()));
            if (t.isEmpty()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(p.label(), k -> new int[3]);
            c[1]++;
            String key = p.label() + '\u0000' + t;
            Integer left = open.get(key);
            if (left != null && left > 0) {
                c[0]++;
                open.put(key, left - 1);
            }
        }
    }

    public void addAll(Evaluation other) {
        other.counts.forEach((label, c) -> {
            int[] mine = counts.computeIfAbsent(label, k -> new int[3]);
            for (int i = 0; i < 3; i++) {
                mine[i] += c[i];
            }
        });
    }

    public double microF1() {
        long tp = 0;
        long pred = 0;
        long gold = 0;
        for (int[] c : counts.values()) {
            tp += c[0];
            pred += c[1];
            gold += c[2];
        }
        return f1(tp, pred, gold);
    }

    private static double f1(long tp, long pred, long gold) {
        double p = pred == 0 ? 0 : tp / (double) pred;
        double r = gold == 0 ? 0 : tp / (double) gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The per-label table; its last line is {@code micro-F1 0.xxxx}. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-18s %9s %9s %9s %7s %7s", "label", "precision", "recall", "F1",
                "gold", "pred"));
        long tp = 0;
        long pred = 0;
        long gold = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            double p = c[1] == 0 ? 0 : c[0] / (double) c[1];
            double r = c[2] == 0 ? 0 : c[0] / (double) c[2];
            lines.add(String.format(Locale.ROOT, "%-18s %9.4f %9.4f %9.4f %7d %7d", e.getKey(), p, r,
                    f1(c[0], c[1], c[2]), c[2], c[1]));
            tp += c[0];
            pred += c[1];
            gold += c[2];
        }
        lines.add(String.format(Locale.ROOT, "%-18s %9.4f %9.4f %9.4f %7d %7d", "all",
                pred == 0 ? 0 : tp / (double) pred, gold == 0 ? 0 : tp / (double) gold, f1(tp, pred, gold), gold,
                pred));
        lines.add(String.format(Locale.ROOT, "micro-F1 %.4f", microF1()));
        return lines;
    }

    /** The text with surrounding white space and punctuation removed (as a field is compared). */
    public static String clean(String s) {
        return Span.clean(s);
    }
}
