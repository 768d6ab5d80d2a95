package org.bnn.runtime.engine;

/**
 * Per-thread working memory of one inference: conv patches and padded maps, integer counts and window
 * sums for layers that accumulate (bit-serial, average pool, output), the kernel's differing counts
 * and buffer, and the weights each layer reads (shared, or private copies carrying this inference's
 * flips). Not thread-safe.
 */
final class Workspace {
    /** Inputs that pass through a layer together in {@link BinaryNetwork.Scratch#predictAll}. */
    static final int GROUP = 16;

    final long[] patch;
    final long[] padded;
    final long[] counts;
    final long[] sums;
    final long[] preActivations;
    final WeightMatrix[] stored;
    /** The kernel's differing counts of every neuron of one input (more inputs: {@link #differing(int)}). */
    int[] differing;
    /** The kernel's scratch space for several inputs: {@link BinaryKernel#BLOCK} × the widest fan-in in words, or × the widest layer's rows. */
    final long[] kernelBuffer;
    /** Per-read flips of this inference, or null. */
    ReadFlips reads;
    /** Errors of this inference applied to the counts of layers read once, or null. */
    CountErrors countErrors;
    /** Word offset of the fan-in vector last returned by {@link WeightLayer}. */
    int offset;
    /** The patches of a block of conv positions, read by the kernel together ({@link #GROUP} of the widest fan-in). */
    final long[][] patches;
    /** A bit-serial conv's padded maps of input levels, coefficients, constants and block counts ({@link BitSerialConv}). */
    private int[] levels = new int[0];
    private int[] coefficients = new int[0];
    private int[] constants = new int[0];
    private long[] packedLevels = new long[0];
    private long[] serialCounts = new long[0];
    /** The patches of all positions of a conv layer, side by side, for a kernel that fires them at once. */
    private long[] layerPatches = new long[0];

    Workspace(int patchWords, int paddedWords, int counts, int neurons, int classes, int weightLayers) {
        this.patch = new long[patchWords];
        this.padded = new long[paddedWords];
        this.counts = new long[counts];
        this.sums = new long[neurons];
        this.preActivations = new long[classes];
        this.stored = new WeightMatrix[weightLayers];
        this.differing = new int[neurons];
        // Also room for a word-major copy of rows shorter than BLOCK words (the vector kernel's short rows).
        this.kernelBuffer = new long[BinaryKernel.BLOCK * Math.max(patchWords, neurons)];
        this.patches = new long[GROUP][patchWords];
    }

    /** {@link BitSerialConv}'s level maps: at least {@code length} ints (grown once). */
    int[] levels(int length) {
        return levels = atLeast(levels, length);
    }

    /** {@link BitSerialConv}'s coefficients: at least {@code length} ints. */
    int[] coefficients(int length) {
        return coefficients = atLeast(coefficients, length);
    }

    /** {@link BitSerialConv}'s constants: at least {@code length} ints. */
    int[] constants(int length) {
        return constants = atLeast(constants, length);
    }

    /** {@link BitSerialConv}'s packed levels: at least {@code length} longs. */
    long[] packedLevels(int length) {
        if (packedLevels.length < length) {
            packedLevels = new long[length];
        }
        return packedLevels;
    }

    /** {@link BitSerialConv}'s block counts: at least {@code length} longs. */
    long[] serialCounts(int length) {
        if (serialCounts.length < length) {
            serialCounts = new long[length];
        }
        return serialCounts;
    }

    /** {@link #layerPatches}: at least {@code length} longs (grown once). */
    long[] layerPatches(int length) {
        if (layerPatches.length < length) {
            layerPatches = new long[length];
        }
        return layerPatches;
    }

    private static int[] atLeast(int[] buffer, int length) {
        return buffer.length >= length ? buffer : new int[length];
    }

    /** {@link #differing}, at least {@code length} long (grown once for several inputs). */
    int[] differing(int length) {
        if (differing.length < length) {
            differing = new int[length];
        }
        return differing;
    }
}
