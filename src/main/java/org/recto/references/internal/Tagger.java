package org.recto.references.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Between strings and the CRF: gold spans to BIO states for training, decoded states back to
 * labelled character spans of the original string.
 */
public final class Tagger {

    /** The label set, in a fixed order (AnyStyle's labels, plus issue and collection-title from GROBID). */
    public static final List<String> LABELS = List.of("author", "editor", "translator", "title",
            "container-title", "journal", "collection-title", "volume", "issue", "pages", "date", "edition",
            "publisher", "location", "doi", "url", "isbn", "note", "genre", "medium", "source",
            "citation-number", "director", "producer");

    /** The style a gold sample follows: its source's. */
    static int style(Sample s) {
        return s.source().equals("grobid") ? StyleClassifier.GROBID : StyleClassifier.ANYSTYLE;
    }

    private Tagger() {
    }

    static int[] states(Sample sample, Tokens toks) {
        int len = sample.text().length();
        int[] owner = new int[len];
        Arrays.fill(owner, -1);
        List<Span> spans = sample.spans();
        for (int k = 0; k < spans.size(); k++) {
            Span sp = spans.get(k);
            for (int c = Math.max(0, sp.start()); c < Math.min(len, sp.end()); c++) {
                owner[c] = k;
            }
        }
        int[] states = new int[toks.size()];
        int prevOwner = -1;
        for (int i = 0; i < toks.size(); i++) {
            int o = owner[toks.start()[i]];
            if (o < 0) {
                o = owner[toks.end()[i] - 1];
            }
            int label = o < 0 ? -1 : LABELS.indexOf(spans.get(o).label());
            if (label < 0) {
                states[i] = 0;
                prevOwner = -1;
                continue;
            }
            states[i] = o == prevOwner ? 2 + 2 * label : 1 + 2 * label;
            prevOwner = o;
        }
        return states;
    }

    /** The labelled spans of a decoded state sequence, as ranges of the original string. */
    public static List<Span> spans(Tokens toks, int[] states, CrfModel model) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int n = toks.size();
        while (i < n) {
            int st = states[i];
            if (st == 0) {
                i++;
                continue;
            }
            String label = model.label(st);
            int j = i + 1;
            while (j < n && states[j] != 0 && !CrfModel.isBegin(states[j]) && label.equals(model.label(states[j]))) {
                j++;
            }
            int a = toks.start()[i];
            int b = toks.end()[j - 1];
            if (!Evaluation.clean(toks.text().substring(a, b)).isEmpty()) {
                out.add(new Span(label, a, b));
            }
            i = j;
        }
        return out;
    }
}
