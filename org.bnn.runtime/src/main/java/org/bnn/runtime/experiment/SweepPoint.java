package org.bnn.runtime.experiment;

import java.util.Arrays;

/**
 * One BER point of a sweep: the share of inputs whose prediction is unchanged by the errors
 * (agreement with the error-free chip), per trial, with mean, sample standard deviation and a
 * 95 % confidence interval of the mean (Student t).
 */
public record SweepPoint(double ber, double[] agreementPerTrial) {
    public SweepPoint {
        agreementPerTrial = agreementPerTrial.clone();
    }

    @Override
    public double[] agreementPerTrial() {
        return agreementPerTrial.clone();
    }

    public double mean() {
        return Arrays.stream(agreementPerTrial).average().orElse(Double.NaN);
    }

    /** Sample standard deviation across trials (0 for one trial). */
    public double standardDeviation() {
        int n = agreementPerTrial.length;
        if (n < 2) {
            return 0;
        }
        double mean = mean();
        double sum = 0;
        for (double a : agreementPerTrial) {
            sum += (a - mean) * (a - mean);
        }
        return Math.sqrt(sum / (n - 1));
    }

    /** Half-width of the 95 % confidence interval of the mean (0 for one trial). */
    public double confidence95() {
        int n = agreementPerTrial.length;
        return n < 2 ? 0 : StudentT.quantile975(n - 1) * standardDeviation() / Math.sqrt(n);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SweepPoint p && p.ber == ber && Arrays.equals(p.agreementPerTrial, agreementPerTrial);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(ber) + Arrays.hashCode(agreementPerTrial);
    }
}
