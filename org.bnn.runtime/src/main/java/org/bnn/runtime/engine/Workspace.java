package org.bnn.runtime.engine;

/**
 * Per-thread working memory of one inference: conv patches and padded maps, integer counts and window
 * sums for layers that accumulate (bit-serial, average pool, output), and the weights each layer reads
 * (shared, or private copies carrying this inference's flips). Not thread-safe.
 */
final class Workspace {
    final long[] patch;
    final long[] padded;
    final long[] counts;
    final long[] sums;
    final long[] preActivations;
    final WeightMatrix[] stored;
    /** Per-read flips of this inference, or null. */
    ReadFlips reads;
    /** Word offset of the fan-in vector last returned by {@link WeightLayer}. */
    int offset;

    Workspace(int patchWords, int paddedWords, int counts, int neurons, int classes, int weightLayers) {
        this.patch = new long[patchWords];
        this.padded = new long[paddedWords];
        this.counts = new long[counts];
        this.sums = new long[neurons];
        this.preActivations = new long[classes];
        this.stored = new WeightMatrix[weightLayers];
    }
}
