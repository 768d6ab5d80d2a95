package org.bnn.runtime.engine;

/**
 * The prediction rule: the class with the largest score, the lowest index on ties. Ties are worth
 * reporting (a network with integer scores ties often), so their size is available too.
 */
public final class Argmax {
    private Argmax() {
    }

    /** Index of the largest score, the lowest index on ties. */
    public static int index(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Number of classes that share the largest score (1 when the prediction is not tied). */
    public static int sharingMaximum(double[] scores) {
        double best = scores[index(scores)];
        int count = 0;
        for (double score : scores) {
            if (score == best) {
                count++;
            }
        }
        return count;
    }
}
