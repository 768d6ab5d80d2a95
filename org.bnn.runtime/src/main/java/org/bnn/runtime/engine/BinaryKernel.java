package org.bnn.runtime.engine;

/**
 * How the engine computes XNOR-popcounts: the number of differing bits between every stored row of
 * a layer and one or several input vectors, for the whole layer in one call (so that an
 * implementation can keep the input in registers while the rows stream past). The engine derives the
 * match count P = N − differing from it. Implementations compute integer popcounts, so every one of
 * them gives bit-identical results; they differ only in speed.
 * <ul>
 * <li>{@link ScalarKernel}: {@code Long.bitCount} loops, plain Java 17.</li>
 * <li>{@code VectorKernel} (the multi-release jar's Java 21 part, {@code META-INF/versions/21}): the
 * incubating Vector API, used when the JVM runs with {@code --add-modules jdk.incubator.vector}.</li>
 * </ul>
 * {@link Kernels#ACTIVE} is the one the engine uses.
 * <p>
 * Preconditions, not checked (the engine guarantees them): rows are {@code wordsPerRow} words each,
 * row k starting at word k·wordsPerRow of {@code weights}; every input holds at least
 * {@code wordsPerRow} words from its offset; padding bits past the fan-in are 0 in rows and inputs.
 */
abstract class BinaryKernel {
    /** The batched form's buffer holds this many inputs' words: it needs BLOCK × wordsPerRow words. */
    static final int BLOCK = 8;

    /** A short human-readable name, e.g. "scalar (Long.bitCount)". */
    abstract String description();

    /**
     * differing[k] = popcount(row k XOR input[inputOffset .. inputOffset + wordsPerRow)) for k &lt; rows.
     */
    abstract void differences(long[] weights, int wordsPerRow, int rows, long[] input, int inputOffset, int[] differing);

    /**
     * The same for {@code count} inputs, each starting at word 0 of {@code inputs[j]}:
     * differing[j·rows + k]. {@code buffer} is scratch space of at least {@link #BLOCK}·wordsPerRow words
     * (an implementation may use more if it is there, e.g. for a copy of short rows).
     */
    abstract void differences(long[] weights, int wordsPerRow, int rows, long[][] inputs, int count, int[] differing, long[] buffer);

    /**
     * True if {@link #fire} takes rows of this shape with a buffer of {@code bufferLength} words; else the
     * caller reads the differing counts and thresholds them itself (the scalar kernel always does).
     */
    boolean fires(int wordsPerRow, int rows, int bufferLength) {
        return false;
    }

    /**
     * Thresholds the reads of {@code count} inputs at once, for the layers whose rows are short (conv
     * positions of one plane): input i is words [i·wordsPerRow, (i + 1)·wordsPerRow) of {@code inputs}; with
     * d = popcount(row k XOR input i), output bit {@code firstBit} + i·rows + k is ORed with
     * ((limit[k] − d) &lt; 0) XOR sign[k] (sign[k] ∈ {0, 1}), as {@code WeightLayer} fires one read. Only
     * called where {@link #fires} said so; {@code buffer} is scratch space.
     */
    void fire(long[] weights, int wordsPerRow, int rows, long[] inputs, int count, int[] limit, int[] sign, long[] output, int firstBit,
            long[] buffer) {
        throw new UnsupportedOperationException(description() + " does not fire reads itself: ask fires() first");
    }
}
