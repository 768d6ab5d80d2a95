package org.bnn.report.data;

import java.util.Arrays;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.experiment.TrialStatistics;

/**
 * One bit-error-rate point of a series: a share in [0, 1] (accuracy, or agreement with the
 * error-free chip) measured on several trials (chip instances), with its mean, sample standard
 * deviation and the half-width of the 95 % confidence interval of the mean (Student t).
 *
 * @param ber               bit error rate of the weights, in [0, 1]; 0 is the error-free chip (or the x of
 *                          another {@link SweepAxis}, e.g. seconds since programming)
 * @param mean              mean over the trials, in [0, 1]
 * @param standardDeviation sample standard deviation over the trials (0 for one trial)
 * @param confidence95      half-width of the 95 % confidence interval of the mean (0 for one trial)
 * @param perTrial          the value of every trial, in [0, 1]; at least one
 */
public record BerPoint(double ber, double mean, double standardDeviation, double confidence95, double[] perTrial) {
    public BerPoint {
        perTrial = requireTrials(ber, perTrial).clone();
        Checks.probability("BerPoint(ber " + ber + ")", "mean", mean);
        Checks.nonNegativeFinite("BerPoint(ber " + ber + ")", "standardDeviation", standardDeviation);
        Checks.nonNegativeFinite("BerPoint(ber " + ber + ")", "confidence95", confidence95);
    }

    /** A point whose statistics are computed from the trials, with the simulator's formulas. */
    public static BerPoint ofTrials(double ber, double... perTrial) {
        TrialStatistics trials = new TrialStatistics(requireTrials(ber, perTrial));
        return new BerPoint(ber, trials.mean(), trials.standardDeviation(), trials.confidence95(), perTrial);
    }

    /** Checked before the statistics, so that a bad trial is named rather than the NaN mean it causes. */
    private static double[] requireTrials(double ber, double[] perTrial) {
        Checks.nonNegativeFinite("BerPoint", "ber", ber); // what it may be is the report's axis's (SweepAxis.check)
        if (perTrial == null || perTrial.length == 0) {
            throw new IllegalArgumentException("BerPoint(ber " + ber + ").perTrial must hold at least one trial");
        }
        for (int i = 0; i < perTrial.length; i++) {
            Checks.probability("BerPoint(ber " + ber + ")", "perTrial[" + i + "]", perTrial[i]);
        }
        return perTrial;
    }

    @Override
    public double[] perTrial() {
        return perTrial.clone();
    }

    /** Number of trials. */
    public int trials() {
        return perTrial.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BerPoint p && Double.compare(p.ber, ber) == 0 && Double.compare(p.mean, mean) == 0
                && Double.compare(p.standardDeviation, standardDeviation) == 0 && Double.compare(p.confidence95, confidence95) == 0
                && Arrays.equals(p.perTrial, perTrial);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(ber) + Arrays.hashCode(perTrial);
    }

    @Override
    public String toString() {
        return "BerPoint[ber=" + ber + ", mean=" + mean + ", standardDeviation=" + standardDeviation + ", confidence95=" + confidence95
                + ", perTrial=" + Arrays.toString(perTrial) + "]";
    }
}
