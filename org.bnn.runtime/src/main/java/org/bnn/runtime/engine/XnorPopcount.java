package org.bnn.runtime.engine;

/**
 * The kernel of every binary layer: the number of positions where a stored weight row and an
 * input vector agree, i.e. the popcount of their XNOR. This is what a row read through the
 * precharge sense amplifiers followed by a popcount computes in hardware.
 * <p>
 * {@link #matches} is the plain scalar definition. The engine runs whole layers through
 * {@link #differences}, i.e. through the kernel {@link #kernel()} names: the scalar
 * {@code Long.bitCount} loop, or on a JDK ≥ 21 started with {@code --add-modules jdk.incubator.vector}
 * a Vector API kernel from the multi-release jar. Both compute the same integers; only the speed differs.
 */
public final class XnorPopcount {
    private XnorPopcount() {
    }

    /**
     * Matches P between {@code bits} values of {@code weights} starting at word {@code offset}
     * and {@code input}. Padding bits are 0 in both, so they never differ and
     * P = bits − popcount(w XOR x) needs no masking of the last word.
     */
    public static int matches(long[] weights, int offset, long[] input, int bits) {
        return matches(weights, offset, input, 0, bits);
    }

    /** As {@link #matches(long[], int, long[], int)}, with the input starting at word {@code inputOffset}. */
    public static int matches(long[] weights, int offset, long[] input, int inputOffset, int bits) {
        int differing = 0;
        int words = PackedBits.words(bits);
        for (int i = 0; i < words; i++) {
            differing += Long.bitCount(weights[offset + i] ^ input[inputOffset + i]);
        }
        return bits - differing;
    }

    /** The kernel the engine uses in this JVM, e.g. "scalar (Long.bitCount)" or "vector (jdk.incubator.vector, 512-bit LongVector)". */
    public static String kernel() {
        return Kernels.ACTIVE.description();
    }

    /**
     * differing[k] = popcount(row k XOR input) for every row k &lt; {@code rows}, by the engine's kernel:
     * row k is words k·wordsPerRow .. (k+1)·wordsPerRow − 1 of {@code weights}, the input
     * {@code wordsPerRow} words from {@code inputOffset}. Padding bits must be 0 in both (as
     * {@link PackedBits} leaves them); then P_k = bits − differing[k].
     */
    public static void differences(long[] weights, int wordsPerRow, int rows, long[] input, int inputOffset, int[] differing) {
        checkRows(weights, wordsPerRow, rows, differing, 1);
        if (inputOffset < 0 || inputOffset + wordsPerRow > input.length) {
            throw new IllegalArgumentException("input must hold " + wordsPerRow + " words from " + inputOffset + ", has " + input.length);
        }
        Kernels.ACTIVE.differences(weights, wordsPerRow, rows, input, inputOffset, differing);
    }

    /**
     * The same for {@code count} inputs at once (each from word 0): differing[j·rows + k] for input j.
     * Faster per input than one at a time, since every weight word is loaded once for several inputs.
     */
    public static void differences(long[] weights, int wordsPerRow, int rows, long[][] inputs, int count, int[] differing) {
        checkRows(weights, wordsPerRow, rows, differing, count);
        for (int j = 0; j < count; j++) {
            if (inputs[j].length < wordsPerRow) {
                throw new IllegalArgumentException("input " + j + " must hold " + wordsPerRow + " words, has " + inputs[j].length);
            }
        }
        Kernels.ACTIVE.differences(weights, wordsPerRow, rows, inputs, count, differing, new long[BinaryKernel.BLOCK * wordsPerRow]);
    }

    private static void checkRows(long[] weights, int wordsPerRow, int rows, int[] differing, int inputs) {
        if (wordsPerRow < 1 || rows < 0 || (long) wordsPerRow * rows > weights.length) {
            throw new IllegalArgumentException("weights must hold " + rows + " rows of " + wordsPerRow + " words, has " + weights.length);
        }
        if ((long) rows * inputs > differing.length) {
            throw new IllegalArgumentException("differing must hold " + rows + " x " + inputs + " counts, has " + differing.length);
        }
    }
}
