package org.bnn.calibration.fit;

/**
 * The mean of a sample and the sum of its squared deviations from it, which both the log-normal fit
 * and the normality test start from.
 */
record SampleMoments(int n, double mean, double squares) {
    static SampleMoments of(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new SampleMoments(values.length, mean, squares);
    }

    /** The sample variance, with n − 1 in the denominator. */
    double variance() {
        return squares / (n - 1);
    }
}
