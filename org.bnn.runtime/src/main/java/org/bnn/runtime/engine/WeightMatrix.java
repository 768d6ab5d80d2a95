package org.bnn.runtime.engine;

import java.util.Arrays;

/**
 * The binary weights of one layer as stored in the array: {@code rows} neurons × {@code fanIn}
 * inputs, bit-packed row by row ({@link PackedBits} encoding), padding bits 0. Weight (k, j) has
 * the logical position k·fanIn + j, the index that error patterns use.
 */
public final class WeightMatrix {
    private final int fanIn;
    private final int rows;
    private final int wordsPerRow;
    private final long[] words;

    /** Wraps packed rows; they are copied, so the matrix stays immutable unless copied mutable. */
    public WeightMatrix(int fanIn, int rows, long[] packedRows) {
        this(fanIn, rows, packedRows.clone(), true);
    }

    private WeightMatrix(int fanIn, int rows, long[] words, boolean check) {
        if (fanIn <= 0 || rows <= 0) {
            throw new IllegalArgumentException("fanIn and rows must be positive, got " + fanIn + " and " + rows);
        }
        this.fanIn = fanIn;
        this.rows = rows;
        this.wordsPerRow = PackedBits.words(fanIn);
        this.words = words;
        if (check) {
            checkShape();
        }
    }

    private void checkShape() {
        if (words.length != (long) wordsPerRow * rows) {
            throw new IllegalArgumentException("weights must hold " + rows + " rows of " + wordsPerRow
                    + " words, got " + words.length + " words");
        }
        int padding = wordsPerRow * Long.SIZE - fanIn;
        if (padding == 0) {
            return;
        }
        long paddingMask = -1L << (Long.SIZE - padding);
        for (int k = 0; k < rows; k++) {
            if ((words[(k + 1) * wordsPerRow - 1] & paddingMask) != 0) {
                throw new IllegalArgumentException("weights row " + k + " has bits set past fanIn " + fanIn);
            }
        }
    }

    public int fanIn() {
        return fanIn;
    }

    public int rows() {
        return rows;
    }

    /** Number of stored weights, i.e. of logical positions. */
    public long size() {
        return (long) rows * fanIn;
    }

    /**
     * Packs real-valued weights given row by row (value (k, j) at k·fanIn + j) by their sign, with
     * sign(0) = +1: how a trainer's latent weights become the stored binary ones.
     */
    public static WeightMatrix fromSigns(int fanIn, int rows, double[] rowMajor) {
        if (rowMajor.length != (long) fanIn * rows) {
            throw new IllegalArgumentException("weights must hold " + rows + " x " + fanIn + " values, got " + rowMajor.length);
        }
        int wordsPerRow = PackedBits.words(fanIn);
        long[] packed = new long[wordsPerRow * rows];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < fanIn; j++) {
                double value = rowMajor[k * fanIn + j];
                if (Double.isNaN(value)) {
                    throw new IllegalArgumentException("weight (" + k + ", " + j + ") is NaN");
                }
                if (value >= 0) {
                    packed[k * wordsPerRow + (j >>> 6)] |= 1L << j;
                }
            }
        }
        return new WeightMatrix(fanIn, rows, packed, true);
    }

    /** The packed rows (a copy): row k starts at word k·ceil(fanIn/64), padding bits 0. */
    public long[] packedRows() {
        return words.clone();
    }

    /** Match count P of row k with a packed input. */
    public int matches(int k, long[] input) {
        return XnorPopcount.matches(words, k * wordsPerRow, input, 0, fanIn);
    }

    /** Match count P of row k with a packed input that starts at word {@code inputOffset}. */
    public int matches(int k, long[] input, int inputOffset) {
        return XnorPopcount.matches(words, k * wordsPerRow, input, inputOffset, fanIn);
    }

    /** Words per packed row: ceil(fanIn / 64). */
    int wordsPerRow() {
        return wordsPerRow;
    }

    /** The packed rows themselves (not a copy), for the kernel. */
    long[] words() {
        return words;
    }

    /** Weight (k, j) as a bit: true for +1. */
    public boolean bit(int k, int j) {
        return (words[k * wordsPerRow + (j >>> 6)] >>> j & 1L) != 0;
    }

    /** A copy with the weights at the given logical positions inverted. */
    public WeightMatrix withFlips(long[] positions) {
        WeightMatrix copy = new WeightMatrix(fanIn, rows, words.clone(), false);
        copy.flipInPlace(positions);
        return copy;
    }

    /** A private copy that {@link #flipInPlace} may change (one per worker thread). */
    WeightMatrix mutableCopy() {
        return new WeightMatrix(fanIn, rows, words.clone(), false);
    }

    /**
     * Inverts the weights at the given logical positions. Applying the same positions twice
     * restores the matrix, which is how per-inference errors are undone.
     */
    void flipInPlace(long[] positions) {
        int n = fanIn;
        long[] w = words;
        int perRow = wordsPerRow;
        for (long position : positions) {
            int k;
            int j;
            if (position >>> 31 == 0) { // the usual case: int division, about twice as fast as long
                int p = (int) position;
                k = p / n;
                j = p - k * n;
            } else { // positions past 2^31 − 1 (or negative ones, which fail below as before)
                k = (int) (position / n);
                j = (int) (position - (long) k * n);
            }
            w[k * perRow + (j >>> 6)] ^= 1L << j;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightMatrix m && m.fanIn == fanIn && m.rows == rows && Arrays.equals(m.words, words);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fanIn + rows) + Arrays.hashCode(words);
    }
}
