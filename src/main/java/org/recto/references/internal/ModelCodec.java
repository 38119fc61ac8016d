package org.recto.references.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The compact forms in which the parser's models store their two bulky parts, so that the shipped
 * model stays under 2 MB with weights pruned at 0.035 instead of 0.08:
 * <ul>
 * <li>sorted feature hashes as Golomb-Rice-coded gaps: hashes are uniform, so the gaps are
 * geometric, and a Rice code needs about two bits per key more than the gap's bit length (a
 * varint needed up to seven more);</li>
 * <li>weights as one byte each: a sign and one of {@link #LEVELS} magnitudes spaced evenly on a log
 * scale between the smallest and largest. The relative error is under 5 %, and F1 on the
 * development split does not move (16-bit weights measured the same).</li>
 * </ul>
 */
public final class ModelCodec {

    /** Magnitude levels of a stored weight. */
    static final int LEVELS = 64;

    /** Magnitudes below the largest times this are stored as that floor. */
    private static final float FLOOR = 1e-4f;

    private ModelCodec() {
    }

    /** The entries of {@code map} in the unsigned order of their keys, which {@link #writeKeys} takes. */
    static void sortedEntries(LongIntMap map, long[] keys, int[] values) {
        long[][] pairs = new long[map.size()][];
        int[] i = {0};
        map.forEach((key, value) -> pairs[i[0]++] = new long[] {key, value});
        Arrays.sort(pairs, (a, b) -> Long.compareUnsigned(a[0], b[0]));
        for (int r = 0; r < pairs.length; r++) {
            keys[r] = pairs[r][0];
            values[r] = (int) pairs[r][1];
        }
    }

    /** Writes keys sorted in unsigned order, as the count, the Rice parameter and the coded gaps. */
    static void writeKeys(DataOutputStream out, long[] sorted) throws IOException {
        int n = sorted.length;
        long mean = n == 0 ? 0 : Long.divideUnsigned(sorted[n - 1], n); // unsigned
        int k = mean == 0 ? 0 : 63 - Long.numberOfLeadingZeros(mean);
        BitWriter bits = new BitWriter();
        long prev = 0;
        for (long key : sorted) {
            if (Long.compareUnsigned(key, prev) < 0) {
                // an unsorted key would make a gap of nearly 2^64, written in unary
                throw new IllegalArgumentException("keys not in unsigned order at " + Long.toHexString(key));
            }
            long gap = key - prev;
            prev = key;
            bits.unary(gap >>> k);
            bits.low(gap, k);
        }
        byte[] bytes = bits.toByteArray();
        out.writeInt(n);
        out.writeByte(k);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #writeKeys} wrote; at most {@code max} keys. */
    static long[] readKeys(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        int k = in.readUnsignedByte();
        int length = in.readInt();
        if (n < 0 || n > max || k > 63 || length < 0 || length > max * 16L + 16) {
            throw new IOException("bad key block: " + n + " keys, parameter " + k + ", " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        BitReader bits = new BitReader(bytes);
        long[] keys = new long[n];
        long key = 0;
        for (int i = 0; i < n; i++) {
            long q = bits.unary();
            key += (q << k) | bits.low(k);
            keys[i] = key;
        }
        return keys;
    }

    /** Writes non-zero weights, one byte each after the scale's two ends. */
    static void writeWeights(DataOutputStream out, float[] weights) throws IOException {
        float hi = 0f;
        for (float w : weights) {
            hi = Math.max(hi, Math.abs(w));
        }
        float lo = hi;
        for (float w : weights) {
            lo = Math.min(lo, Math.abs(w));
        }
        lo = Math.max(lo, hi * FLOOR);
        double step = hi > lo ? Math.log(hi / lo) / (LEVELS - 1) : 1.0;
        out.writeInt(weights.length);
        out.writeFloat(lo);
        out.writeFloat(hi);
        for (float w : weights) {
            int level = (int) Math.round(Math.log(Math.max(Math.abs(w), lo) / lo) / step);
            out.writeByte((w < 0 ? 0x80 : 0) | Math.min(level, LEVELS - 1));
        }
    }

    /** Reads what {@link #writeWeights} wrote; at most {@code max} weights. */
    static float[] readWeights(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        float lo = in.readFloat();
        float hi = in.readFloat();
        if (n < 0 || n > max || !(lo > 0 || n == 0) || !(hi >= lo) || Float.isInfinite(hi)) {
            throw new IOException("bad weight block: " + n + " weights between " + lo + " and " + hi);
        }
        double step = hi > lo ? Math.log(hi / lo) / (LEVELS - 1) : 1.0;
        float[] magnitudes = new float[LEVELS];
        for (int level = 0; level < LEVELS; level++) {
            magnitudes[level] = (float) (lo * Math.exp(level * step));
        }
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            int b = in.readUnsignedByte();
            int level = b & 0x7F;
            if (level >= LEVELS) {
                throw new IOException("bad weight level " + level);
            }
            weights[i] = (b & 0x80) != 0 ? -magnitudes[level] : magnitudes[level];
        }
        return weights;
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int current;
        private int used;

        void unary(long q) {
            for (long i = 0; i < q; i++) {
                bit(1);
            }
            bit(0);
        }

        void low(long v, int k) {
            for (int i = k - 1; i >= 0; i--) {
                bit((int) (v >>> i) & 1);
            }
        }

        private void bit(int b) {
            current = current << 1 | b;
            if (++used == 8) {
                bytes.write(current);
                current = 0;
                used = 0;
            }
        }

        byte[] toByteArray() {
            while (used != 0) {
                bit(0);
            }
            return bytes.toByteArray();
        }
    }

    private static final class BitReader {
        private final byte[] bytes;
        private long position;

        BitReader(byte[] bytes) {
            this.bytes = bytes;
        }

        long unary() throws IOException {
            long q = 0;
            while (bit() == 1) {
                q++;
            }
            return q;
        }

        long low(int k) throws IOException {
            long v = 0;
            for (int i = 0; i < k; i++) {
                v = v << 1 | bit();
            }
            return v;
        }

        private int bit() throws IOException {
            long byteIndex = position >>> 3;
            if (byteIndex >= bytes.length) {
                throw new IOException("key block ends early");
            }
            int b = bytes[(int) byteIndex] >>> (7 - (int) (position & 7)) & 1;
            position++;
            return b;
        }
    }
}
