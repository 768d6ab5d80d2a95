package org.bnn.runtime.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The binary weights of one layer as stored in the array: {@code rows} neurons × {@code fanIn}
 * inputs, bit-packed row by row ({@link PackedBits} encoding), padding bits 0. Weight (k, j) has
 * the logical position k·fanIn + j, the index that error patterns use.
 */
public final class WeightMatrix implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int fanIn;
    private final int rows;
    private final int wordsPerRow;
    private final long[] words;
    /**
     * ⌈2^s / fanIn⌉ and s = 31 + ⌈log2 fanIn⌉: (p · reciprocal) &gt;&gt;&gt; s = p / fanIn exactly for
     * every p &lt; 2^31 (Granlund and Montgomery, "Division by invariant integers using
     * multiplication", PLDI 1994), a multiply instead of a division for every flipped weight.
     */
    private final long reciprocal;
    private final int reciprocalShift;

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
        this.reciprocalShift = 31 + (32 - Integer.numberOfLeadingZeros(fanIn - 1));
        this.reciprocal = ((1L << reciprocalShift) + fanIn - 1) / fanIn;
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
        long[] w = words;
        for (long position : positions) {
            int k = rowOf(position);
            int j = (int) (position - (long) k * fanIn);
            w[k * wordsPerRow + (j >>> 6)] ^= 1L << j;
        }
    }

    /**
     * The differing counts of a read made with the weights at {@code positions} inverted, from those
     * of the same read without them: inverting weight (k, j) adds one to row k's count where it matched
     * input bit j and takes one away where it differed. The same counts as reading a flipped copy,
     * with one read of each flipped word (just streamed through by the kernel, so in cache) instead of
     * flipping and restoring it.
     */
    void addFlipDifferences(long[] positions, long[] vector, int offset, int[] differing) {
        addFlipDifferences(positions, vector, offset, differing, 0);
    }

    /** As {@link #addFlipDifferences(long[], long[], int, int[])}, row k's count at differing[at + k]. */
    void addFlipDifferences(long[] positions, long[] vector, int offset, int[] differing, int at) {
        long[] w = words;
        for (long position : positions) {
            int k = rowOf(position);
            int j = (int) (position - (long) k * fanIn);
            long mismatch = w[k * wordsPerRow + (j >>> 6)] ^ vector[offset + (j >>> 6)];
            differing[at + k] += 1 - 2 * (int) (mismatch >>> j & 1L);
        }
    }

    /** The distinct rows of logical positions k·fanIn + j, ascending. */
    int[] rowsOf(long[] positions) {
        boolean[] flipped = new boolean[rows];
        int count = 0;
        for (long position : positions) {
            int k = rowOf(position);
            count += flipped[k] ? 0 : 1;
            flipped[k] = true;
        }
        int[] list = new int[count];
        for (int k = 0, i = 0; k < rows; k++) {
            if (flipped[k]) {
                list[i++] = k;
            }
        }
        return list;
    }

    /** Row k of logical position k·fanIn + j (a negative position gives an index that fails at the array access). */
    private int rowOf(long position) {
        return position >>> 31 == 0 ? (int) (position * reciprocal >>> reciprocalShift) : (int) (position / fanIn);
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
