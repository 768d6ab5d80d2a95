package org.bnn.runtime.engine;

/**
 * The classifier: keeps the integer pre-activation a_k = 2P_k − N of each class as its score.
 * The prediction is the argmax, lowest index on ties.
 */
public final class OutputLayer {
    private final int fanIn;
    private final int classes;
    private final int wordsPerRow;
    private final long[] weights;

    public OutputLayer(int fanIn, int classes, long[] weights) {
        if (fanIn <= 0 || classes <= 0) {
            throw new IllegalArgumentException("fanIn and classes must be positive, got " + fanIn + " and " + classes);
        }
        WeightRows.check(weights, fanIn, classes);
        this.fanIn = fanIn;
        this.classes = classes;
        this.wordsPerRow = PackedBits.words(fanIn);
        this.weights = weights.clone();
    }

    public int fanIn() {
        return fanIn;
    }

    public int classes() {
        return classes;
    }

    /** Writes a_k = 2P_k − N for every class into {@code scores}. */
    public void scores(long[] input, int[] scores) {
        for (int k = 0; k < classes; k++) {
            scores[k] = 2 * XnorPopcount.matches(weights, k * wordsPerRow, input, fanIn) - fanIn;
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
