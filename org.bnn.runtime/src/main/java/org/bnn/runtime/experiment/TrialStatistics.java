package org.bnn.runtime.experiment;

import java.util.Arrays;

/**
 * One value per trial (e.g. accuracy of each chip instance) with mean, sample standard deviation
 * and a 95 % confidence interval of the mean (Student t).
 */
public record TrialStatistics(double[] perTrial) {
    public TrialStatistics {
        if (perTrial == null || perTrial.length == 0) {
            throw new IllegalArgumentException("TrialStatistics.perTrial needs at least one trial");
        }
        perTrial = perTrial.clone();
    }

    @Override
    public double[] perTrial() {
        return perTrial.clone();
    }

    public int trials() {
        return perTrial.length;
    }

    public double mean() {
        return Arrays.stream(perTrial).average().orElseThrow();
    }

    /** Sample standard deviation across trials (0 for one trial). */
    public double standardDeviation() {
        int n = perTrial.length;
        if (n < 2) {
            return 0;
        }
        double mean = mean();
        double sum = 0;
        for (double value : perTrial) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (n - 1));
    }

    /** Half-width of the 95 % confidence interval of the mean (0 for one trial). */
    public double confidence95() {
        int n = perTrial.length;
        return n < 2 ? 0 : StudentT.quantile975(n - 1) * standardDeviation() / Math.sqrt(n);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrialStatistics s && Arrays.equals(s.perTrial, perTrial);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(perTrial);
    }

    @Override
    public String toString() {
        return "TrialStatistics" + Arrays.toString(perTrial);
    }
}
