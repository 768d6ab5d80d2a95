package org.bnn.train;

/** The training loss: softmax cross-entropy of class scores, in double precision for the exponentials. */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * −log softmax(scores)[label] of one row (scores[from .. from + classes)); writes
     * weight·(softmax − one-hot) into the same slots of {@code gradient}.
     */
    static double lossAndGradient(float[] scores, int from, int classes, int label, double weight, float[] gradient) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, scores[from + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(scores[from + k] - max);
        }
        for (int k = 0; k < classes; k++) {
            double p = Math.exp(scores[from + k] - max) / sum;
            gradient[from + k] = (float) (weight * (p - (k == label ? 1 : 0)));
        }
        return Math.log(sum) - (scores[from + label] - max);
    }

    /** Index of the largest score in the row, the lowest on ties. */
    static int argmax(float[] scores, int from, int classes) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (scores[from + k] > scores[from + best]) {
                best = k;
            }
        }
        return best;
    }
}
