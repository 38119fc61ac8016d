package org.recto.references.internal;

import java.util.Arrays;

/**
 * The CRF's emission weights: for each feature hash, the states it has a non-zero weight for and the
 * weights. Decoding looks up some 80 hashes per token, most of them absent, so the table is laid out
 * for that: one array of slots, each holding a hash and its row, so a probe touches one cache line; and
 * a row holds only its non-zero weights (two or three of the 49 states once pruned) instead of all 49.
 */
final class EmissionRows {

    private static final int ROW_BITS = 24;
    private static final long ROW_MASK = (1L << ROW_BITS) - 1;

    /** The most rows a table can hold: a row number shares a slot with a 40-bit hash. */
    static final int MAX_ROWS = (int) ROW_MASK - 1;

    private final long[] keys; // per row
    private final int[] start; // row r's weights are [start[r], start[r + 1])
    private final byte[] state;
    private final float[] weight;
    private final long[] slots; // hash << ROW_BITS | (row + 1); 0 is an empty slot
    private final int slotMask;

    EmissionRows(long[] keys, int[] start, byte[] state, float[] weight) {
        if (keys.length > MAX_ROWS || start.length != keys.length + 1 || state.length != weight.length
                || start[keys.length] != weight.length) {
            throw new IllegalArgumentException("inconsistent emission rows");
        }
        this.keys = keys;
        this.start = start;
        this.state = state;
        this.weight = weight;
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        this.slots = new long[capacity];
        this.slotMask = capacity - 1;
        for (int r = 0; r < keys.length; r++) {
            long key = keys[r];
            if ((key & ~Features.KEY_MASK) != 0) {
                throw new IllegalArgumentException("feature hash wider than the key mask: " + Long.toHexString(key));
            }
            int i = slot(key);
            while (slots[i] != 0) {
                if (slots[i] >>> ROW_BITS == key) {
                    throw new IllegalArgumentException("feature hash twice: " + Long.toHexString(key));
                }
                i = (i + 1) & slotMask;
            }
            slots[i] = key << ROW_BITS | (r + 1);
        }
    }

    /** Rows from dense weights, {@code states} per row, numbered as in {@code index}. */
    static EmissionRows fromDense(LongIntMap index, float[] dense, int states) {
        int n = index.size();
        long[] keys = new long[n];
        index.forEach((key, row) -> keys[row] = key);
        int[] start = new int[n + 1];
        int nonZero = 0;
        for (float w : dense) {
            if (w != 0f) {
                nonZero++;
            }
        }
        byte[] state = new byte[nonZero];
        float[] weight = new float[nonZero];
        int k = 0;
        for (int r = 0; r < n; r++) {
            start[r] = k;
            for (int y = 0; y < states; y++) {
                float w = dense[r * states + y];
                if (w != 0f) {
                    state[k] = (byte) y;
                    weight[k++] = w;
                }
            }
        }
        start[n] = k;
        return new EmissionRows(keys, start, state, weight);
    }

    /** The same rows without weights under {@code tau} in magnitude, and without the rows left empty. */
    EmissionRows pruned(float tau) {
        long[] keptKeys = new long[keys.length];
        int[] keptStart = new int[keys.length + 1];
        byte[] keptState = new byte[state.length];
        float[] keptWeight = new float[weight.length];
        int rows = 0;
        int k = 0;
        for (int r = 0; r < keys.length; r++) {
            int from = k;
            for (int j = start[r]; j < start[r + 1]; j++) {
                if (Math.abs(weight[j]) >= tau) {
                    keptState[k] = state[j];
                    keptWeight[k++] = weight[j];
                }
            }
            if (k > from) {
                keptKeys[rows] = keys[r];
                keptStart[rows++] = from;
            }
        }
        keptStart[rows] = k;
        return new EmissionRows(Arrays.copyOf(keptKeys, rows), Arrays.copyOf(keptStart, rows + 1),
                Arrays.copyOf(keptState, k), Arrays.copyOf(keptWeight, k));
    }

    /** Adds the weights of feature {@code hash}, if it has any, to {@code emit}. */
    void addTo(long hash, float[] emit) {
        int i = slot(hash);
        long entry;
        while ((entry = slots[i]) != 0) {
            if (entry >>> ROW_BITS == hash) {
                int row = (int) (entry & ROW_MASK) - 1;
                for (int j = start[row]; j < start[row + 1]; j++) {
                    emit[state[j] & 0xFF] += weight[j];
                }
                return;
            }
            i = (i + 1) & slotMask;
        }
    }

    int rows() {
        return keys.length;
    }

    int nonZero() {
        return weight.length;
    }

    long key(int row) {
        return keys[row];
    }

    int start(int row) {
        return start[row];
    }

    int end(int row) {
        return start[row + 1];
    }

    int state(int j) {
        return state[j] & 0xFF;
    }

    float weight(int j) {
        return weight[j];
    }

    private int slot(long key) {
        return (int) (key ^ key >>> 20) & slotMask; // the hashes are uniform already
    }
}
