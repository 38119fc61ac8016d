package org.recto.references.training;

import java.util.Arrays;
import java.util.List;

import org.recto.references.internal.Span;
import org.recto.references.internal.StyleClassifier;
import org.recto.references.internal.Tagger;
import org.recto.references.internal.Tokens;

/** Gold samples as the CRF learns them: each token's BIO state, and the convention of the sample. */
final class GoldStates {

    private GoldStates() {
    }

    /** The style a gold sample follows: its source's. */
    static int style(Sample s) {
        return s.source().equals("grobid") ? StyleClassifier.GROBID : StyleClassifier.ANYSTYLE;
    }

    /** The BIO state of each token: 0 outside any field, 1 + 2 label at a field's first token, 2 + 2 label within it. */
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
            int label = o < 0 ? -1 : Tagger.LABELS.indexOf(spans.get(o).label());
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
}
