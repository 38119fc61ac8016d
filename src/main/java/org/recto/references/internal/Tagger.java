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

    private Tagger() {
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
            if (!Span.clean(toks.text().substring(a, b)).isEmpty()) {
                out.add(new Span(label, a, b));
            }
            i = j;
        }
        return out;
    }
}
