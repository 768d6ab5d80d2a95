package org.bnn.runtime.engine;

/**
 * The classifier: keeps the integer pre-activation a_k = 2P_k − N of each class as its score.
 * The prediction is the argmax, lowest index on ties.
 */
public final class OutputLayer {
    private final WeightMatrix weights;

    public OutputLayer(WeightMatrix weights) {
        this.weights = weights;
    }

    public int fanIn() {
        return weights.fanIn();
    }

    public int classes() {
        return weights.rows();
    }

    public WeightMatrix weights() {
        return weights;
    }

    /** The same layer on other weights (e.g. with errors). */
    public OutputLayer withWeights(WeightMatrix other) {
        return new OutputLayer(other);
    }

    /** Writes a_k = 2P_k − N for every class into {@code scores}. */
    public void scores(long[] input, int[] scores) {
        scores(weights, input, scores);
    }

    void scores(WeightMatrix stored, long[] input, int[] scores) {
        int fanIn = stored.fanIn();
        for (int k = 0; k < stored.rows(); k++) {
            scores[k] = 2 * stored.matches(k, input) - fanIn;
        }
    }

    /** Index of the largest score, the lowest index on ties. */
    public static int argmax(int[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }
}
