package org.recto.references.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Names known as whole fields: journals, publishers, places, book series. A token sequence that
 * matches one gives the CRF strong evidence that a field starts and ends there ("Phys. Rev. D",
 * "Cambridge University Press"), which word features alone cannot give for a name of several words.
 *
 * <p>Names are keyed by the hashes of their words, punctuation ignored and case folded, so "J. Biol.
 * Chem." and "J Biol Chem" are one entry. Matching is linear: from each word at most
 * {@link #MAX_WORDS} words are looked up.
 */
public final class Gazetteer {

    /** The field labels a name can be known as, one bit each. */
    static final List<String> KINDS = List.of("journal", "publisher", "location", "collection-title");

    /** The longest name looked up, in words. */
    static final int MAX_WORDS = 10;

    private final LongIntMap names; // word-sequence hash -> bit mask of KINDS

    private Gazetteer(LongIntMap names) {
        this.names = names;
    }

    public static Gazetteer empty() {
        return new Gazetteer(new LongIntMap(4));
    }

    public int size() {
        return names.size();
    }

    /** Collects names; build once, then share the result (it is read-only). */
    public static final class Builder {
        private final LongIntMap names = new LongIntMap(1 << 14);

        /** Adds {@code text} as a name of kind {@code label}; other labels and empty names are ignored. */
        public Builder add(String label, String text) {
            int kind = KINDS.indexOf(label);
            if (kind < 0) {
                return this;
            }
            Features.Analysis a = Features.analyse(Tokenizer.tokenize(text));
            long key = SEED;
            int words = 0;
            for (int i = 0; i < a.toks().size(); i++) {
                if (isWord(a, i)) {
                    key = Features.mix(key, a.wordHash()[i]);
                    words++;
                }
            }
            if (words > 0 && words <= MAX_WORDS) {
                names.put(key, names.get(key, 0) | 1 << kind);
            }
            return this;
        }

        public Builder addAll(Gazetteer other) {
            other.names.forEach((key, mask) -> names.put(key, names.get(key, 0) | mask));
            return this;
        }

        public Gazetteer build() {
            return new Gazetteer(names);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static final long SEED = 0x6A09E667F3BCC909L;

    private static boolean isWord(Features.Analysis a, int i) {
        return Tokenizer.isWordChar(a.toks().text().codePointAt(a.toks().start()[i]));
    }

    /**
     * Per token, the known name that covers it: {@code kinds[i]} its bit mask (0 for none), {@code
     * first[i]} and {@code last[i]} the token range of the name. Names are taken leftmost first, and
     * the longest of those starting at one word.
     */
    record Matches(int[] kinds, int[] first, int[] last) {
    }

    Matches match(Features.Analysis a) {
        int n = a.toks().size();
        int[] kinds = new int[n];
        int[] first = new int[n];
        int[] last = new int[n];
        if (names.size() == 0) {
            return new Matches(kinds, first, last);
        }
        // the longest name starting at each word
        int[] bestEnd = new int[n];
        int[] bestMask = new int[n];
        for (int i = 0; i < n; i++) {
            bestEnd[i] = -1;
            if (!isWord(a, i)) {
                continue;
            }
            long key = SEED;
            int words = 0;
            for (int j = i; j < n && words < MAX_WORDS; j++) {
                if (!isWord(a, j)) {
                    continue;
                }
                key = Features.mix(key, a.wordHash()[j]);
                words++;
                int mask = names.get(key, 0);
                if (mask != 0) {
                    bestEnd[i] = j;
                    bestMask[i] = mask;
                }
            }
        }
        // leftmost-longest, as a regular expression would take them
        for (int i = 0; i < n; ) {
            if (bestEnd[i] < 0) {
                i++;
                continue;
            }
            for (int t = i; t <= bestEnd[i]; t++) {
                kinds[t] = bestMask[i];
                first[t] = i;
                last[t] = bestEnd[i];
            }
            i = bestEnd[i] + 1;
        }
        return new Matches(kinds, first, last);
    }

    void write(DataOutputStream out) throws IOException {
        long[] keys = new long[names.size()];
        int[] masks = new int[names.size()];
        ModelCodec.sortedEntries(names, keys, masks);
        ModelCodec.writeKeys(out, keys);
        for (int mask : masks) {
            out.writeByte(mask);
        }
    }

    static Gazetteer read(DataInputStream in) throws IOException {
        long[] keys = ModelCodec.readKeys(in, 10_000_000);
        LongIntMap names = new LongIntMap(Math.max(4, keys.length));
        for (long key : keys) {
            names.put(key, in.readUnsignedByte());
        }
        return new Gazetteer(names);
    }
}
