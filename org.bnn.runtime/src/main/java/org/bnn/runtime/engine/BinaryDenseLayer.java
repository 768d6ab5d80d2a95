package org.bnn.runtime.engine;

import java.util.Arrays;

/**
 * A fully connected binary layer: neuron k outputs +1 iff its match count P_k passes its integer
 * threshold t_k, in the direction stored with it ({@code P ≥ t} for a positive batch-norm scale,
 * {@code P ≤ t} for a negative one).
 */
public final class BinaryDenseLayer {
    private final WeightMatrix weights;
    private final int[] thresholds;
    private final boolean[] atLeast;

    /**
     * @param weights    one row per neuron
     * @param thresholds t_k per neuron
     * @param atLeast    per neuron: true for {@code P ≥ t}, false for {@code P ≤ t}
     */
    public BinaryDenseLayer(WeightMatrix weights, int[] thresholds, boolean[] atLeast) {
        if (thresholds.length != weights.rows() || atLeast.length != weights.rows()) {
            throw new IllegalArgumentException("need " + weights.rows() + " thresholds and directions, got "
                    + thresholds.length + " and " + atLeast.length);
        }
        this.weights = weights;
        this.thresholds = thresholds.clone();
        this.atLeast = atLeast.clone();
    }

    /** Sign activation with sign(0) = +1: y = +1 iff a = 2P − N ≥ 0, i.e. P ≥ ceil(N/2). */
    public static BinaryDenseLayer withSignActivation(WeightMatrix weights) {
        int[] thresholds = new int[weights.rows()];
        Arrays.fill(thresholds, (weights.fanIn() + 1) / 2);
        boolean[] atLeast = new boolean[weights.rows()];
        Arrays.fill(atLeast, true);
        return new BinaryDenseLayer(weights, thresholds, atLeast);
    }

    public int fanIn() {
        return weights.fanIn();
    }

    public int fanOut() {
        return weights.rows();
    }

    public WeightMatrix weights() {
        return weights;
    }

    /** The same layer on other weights (e.g. with errors). */
    public BinaryDenseLayer withWeights(WeightMatrix other) {
        return new BinaryDenseLayer(other, thresholds, atLeast);
    }

    /** Whether neuron k fires for match count p. */
    public boolean fires(int k, int p) {
        return atLeast[k] ? p >= thresholds[k] : p <= thresholds[k];
    }

    /** Computes the packed ±1 outputs of all neurons into {@code output} (cleared first). */
    public void forward(long[] input, long[] output) {
        forward(weights, input, output);
    }

    void forward(WeightMatrix stored, long[] input, long[] output) {
        int fanOut = stored.rows();
        Arrays.fill(output, 0, PackedBits.words(fanOut), 0L);
        for (int k = 0; k < fanOut; k++) {
            if (fires(k, stored.matches(k, input))) {
                output[k >>> 6] |= 1L << k;
            }
        }
    }
}
