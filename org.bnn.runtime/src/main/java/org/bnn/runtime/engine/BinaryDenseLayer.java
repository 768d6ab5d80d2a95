package org.bnn.runtime.engine;

import java.util.Arrays;

/**
 * A fully connected binary layer: neuron k outputs +1 iff its match count P_k passes its integer
 * threshold t_k, in the direction stored with it ({@code P ≥ t} for a positive batch-norm scale,
 * {@code P ≤ t} for a negative one). Weights are bit-packed row by row, one row per neuron.
 */
public final class BinaryDenseLayer {
    private final int fanIn;
    private final int fanOut;
    private final int wordsPerRow;
    private final long[] weights;
    private final int[] thresholds;
    private final boolean[] atLeast;

    /**
     * @param weights    {@code fanOut} rows of {@code PackedBits.words(fanIn)} words, padding bits 0
     * @param thresholds t_k per neuron
     * @param atLeast    per neuron: true for {@code P ≥ t}, false for {@code P ≤ t}
     */
    public BinaryDenseLayer(int fanIn, int fanOut, long[] weights, int[] thresholds, boolean[] atLeast) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException("fanIn and fanOut must be positive, got " + fanIn + " and " + fanOut);
        }
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.wordsPerRow = PackedBits.words(fanIn);
        WeightRows.check(weights, fanIn, fanOut);
        if (thresholds.length != fanOut || atLeast.length != fanOut) {
            throw new IllegalArgumentException("need " + fanOut + " thresholds and directions, got "
                    + thresholds.length + " and " + atLeast.length);
        }
        this.weights = weights.clone();
        this.thresholds = thresholds.clone();
        this.atLeast = atLeast.clone();
    }

    /** Sign activation with sign(0) = +1: y = +1 iff a = 2P − N ≥ 0, i.e. P ≥ ceil(N/2). */
    public static BinaryDenseLayer withSignActivation(int fanIn, int fanOut, long[] weights) {
        int[] thresholds = new int[fanOut];
        Arrays.fill(thresholds, (fanIn + 1) / 2);
        boolean[] atLeast = new boolean[fanOut];
        Arrays.fill(atLeast, true);
        return new BinaryDenseLayer(fanIn, fanOut, weights, thresholds, atLeast);
    }

    public int fanIn() {
        return fanIn;
    }

    public int fanOut() {
        return fanOut;
    }

    /** Match count P of neuron k for a packed input. */
    public int matches(int k, long[] input) {
        return XnorPopcount.matches(weights, k * wordsPerRow, input, fanIn);
    }

    /** Computes the packed ±1 outputs of all neurons into {@code output} (cleared first). */
    public void forward(long[] input, long[] output) {
        Arrays.fill(output, 0, PackedBits.words(fanOut), 0L);
        for (int k = 0; k < fanOut; k++) {
            int p = matches(k, input);
            boolean fires = atLeast[k] ? p >= thresholds[k] : p <= thresholds[k];
            if (fires) {
                output[k >>> 6] |= 1L << k;
            }
        }
    }

    /** The stored weight of neuron k, input j, as ±1. */
    public int weight(int k, int j) {
        return PackedBits.get(weights, k * wordsPerRow * Long.SIZE + j) ? 1 : -1;
    }
}
