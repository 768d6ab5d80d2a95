package org.bnn.runtime.engine;

import java.util.Arrays;

/**
 * How the engine computes with ternary weights (docs/architecture.md §3, "Ternary weights"): as
 * two binary planes. A weight w ∈ {−1, 0, +1} is stored as two bits s, s' with w = (s + s')/2 in
 * ±1 terms: +1 is (+1, +1), −1 is (−1, −1) and 0 is (+1, −1) (or (−1, +1), which also reads 0). Then
 * Σ_j w_j·x_j = (Σ_j s_j·x_j + Σ_j s'_j·x_j)/2 exactly, for ±1 inputs x; both halves are ordinary
 * XNOR-popcounts.
 * <p>
 * The engine lays row k of a ternary layer of fan-in N out as one binary row of 2N bits, s in bits
 * 0..N−1 and s' in bits N..2N−1, and reads it with the input twice, x‖x: its match count P over 2N
 * bits is N + Σ_j w_j·x_j. So a ternary layer runs through every path of a binary layer of fan-in
 * 2N whose pre-activation is twice the ternary one (the fold of its batch norm uses twice the count
 * scale), and an error in either plane moves a weight one step: ±1 to 0, or 0 to ±1.
 * <p>
 * This costs two popcounts per weight, which the hardware does not: the array reads a ternary
 * weight in one sense. Only the engine's arithmetic is doubled, not the cells, reads or energy.
 */
public final class TernaryPlanes {
    private TernaryPlanes() {
    }

    /**
     * The stored rows of a ternary layer from its signs (bit 1 = positive, taken for nonzero
     * weights) and its nonzero mask (bit 1 = weight ±1, 0 = weight 0), both {@code rows} × N.
     */
    public static WeightMatrix encode(WeightMatrix signs, WeightMatrix nonzero) {
        if (signs.rows() != nonzero.rows() || signs.fanIn() != nonzero.fanIn()) {
            throw new IllegalArgumentException("ternary weights: the signs are " + signs.rows() + " x " + signs.fanIn()
                    + " and the nonzero mask " + nonzero.rows() + " x " + nonzero.fanIn() + "; they must have one shape");
        }
        int fanIn = signs.fanIn();
        int rows = signs.rows();
        int wordsIn = PackedBits.words(fanIn);
        int wordsOut = PackedBits.words(2 * fanIn);
        long[] s = signs.words();
        long[] m = nonzero.words();
        long[] first = new long[wordsIn];
        long[] second = new long[wordsIn];
        long[] stored = new long[wordsOut * rows];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < wordsIn; i++) {
                long sign = s[k * wordsIn + i];
                long mask = m[k * wordsIn + i];
                first[i] = sign | ~mask; // a zero weight's first bit is +1 ...
                second[i] = sign & mask; // ... and its second −1
            }
            clearPadding(first, 0, fanIn);
            clearPadding(second, 0, fanIn);
            PackedBits.copy(first, 0, stored, k * wordsOut * Long.SIZE, fanIn);
            PackedBits.copy(second, 0, stored, k * wordsOut * Long.SIZE + fanIn, fanIn);
        }
        return new WeightMatrix(2 * fanIn, rows, stored);
    }

    /** Weight (k, j) of a ternary layer stored by {@link #encode}: −1, 0 or +1 (N = {@code fanIn}, the layer's own). */
    public static int value(WeightMatrix stored, int k, int j, int fanIn) {
        return ((stored.bit(k, j) ? 1 : -1) + (stored.bit(k, fanIn + j) ? 1 : -1)) / 2;
    }

    /** The logical position (in the stored 2N-bit rows) of plane {@code plane} (0 or 1) of weight (k, j). */
    public static long position(int k, int j, int plane, int fanIn) {
        return (long) k * 2 * fanIn + (long) plane * fanIn + j;
    }

    /**
     * Writes x‖x into {@code target} (from bit 0, the rest of its first ⌈2N/64⌉ words cleared): the
     * {@code fanIn} bits of {@code source} from word {@code offset}, twice.
     */
    public static void twice(long[] source, int offset, int fanIn, long[] target) {
        int words = PackedBits.words(2 * fanIn);
        Arrays.fill(target, 0, words, 0L);
        PackedBits.or(source, offset * Long.SIZE, target, 0, fanIn);
        PackedBits.or(source, offset * Long.SIZE, target, fanIn, fanIn);
    }

    /** Turns the {@code fanIn} bits at the start of {@code vector} into x‖x (bits past 2N in the last word cleared). */
    public static void twiceInPlace(long[] vector, int fanIn) {
        twiceInPlace(vector, 0, fanIn);
    }

    /** The same for the vector that starts at word {@code offset}. */
    static void twiceInPlace(long[] vector, int offset, int fanIn) {
        int start = offset * Long.SIZE;
        PackedBits.copy(vector, start, vector, start + fanIn, fanIn); // reads bits below N, writes bits from N: no overlap
        clearPadding(vector, offset, 2 * fanIn);
    }

    /**
     * How many weights the plane bits at {@code positions} (distinct) make read wrong: those with one
     * plane inverted, and the ±1 weights with both inverted (a 0 with both inverted reads 0 again).
     */
    public static long misread(WeightMatrix stored, int fanIn, long[] positions) {
        long[] weights = new long[positions.length];
        for (int i = 0; i < positions.length; i++) {
            long p = positions[i];
            long k = p / (2L * fanIn);
            weights[i] = k * fanIn + (p - k * 2 * fanIn) % fanIn;
        }
        Arrays.sort(weights);
        long wrong = 0;
        for (int i = 0; i < weights.length; i++) {
            boolean pair = i + 1 < weights.length && weights[i + 1] == weights[i];
            if (!pair) {
                wrong++;
                continue;
            }
            int k = (int) (weights[i] / fanIn);
            int j = (int) (weights[i] - (long) k * fanIn);
            wrong += value(stored, k, j, fanIn) != 0 ? 1 : 0;
            i++;
        }
        return wrong;
    }

    /** Clears the bits past {@code bits} in word ⌈bits/64⌉ − 1 of the row that starts at word {@code offset}. */
    private static void clearPadding(long[] row, int offset, int bits) {
        int used = bits & 63;
        if (used != 0) {
            row[offset + PackedBits.words(bits) - 1] &= (1L << used) - 1;
        }
    }
}
