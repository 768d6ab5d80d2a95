package org.bnn.calibration.fit;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.bnn.calibration.measurements.MeasurementGroup;
import org.bnn.runtime.device.LogNormal;

/**
 * The log-normal fit of one group of measured resistances: ln R ~ N(ln median, σ²).
 *
 * @param group      the measurements
 * @param estimate   the maximum-likelihood estimate: median = exp(mean of ln R), σ = the root mean
 *                   square deviation of ln R from that mean (divided by n, as maximum likelihood has it)
 * @param median     the confidence interval of the median, in ohms: exp of the Student t interval of
 *                   the mean of ln R (exact for normal ln R)
 * @param sigma      the confidence interval of σ from the chi-square distribution of (n − 1)s²/σ²
 *                   (exact for normal ln R)
 * @param lnMeanVariance the squared standard error of the mean of ln R, s²/n
 * @param sigmaVariance  the squared (large-sample) standard error of σ, σ²/(2(n − 1))
 * @param normality  the Lilliefors test of normality of ln R
 */
public record LogNormalFit(MeasurementGroup group, LogNormal estimate, Interval median, Interval sigma, double lnMeanVariance,
        double sigmaVariance, LillieforsTest.Result normality) {

    /** The fit of {@code group} with {@code confidence} (e.g. 0.95) intervals. */
    public static LogNormalFit of(MeasurementGroup group, double confidence) {
        double[] ln = group.lnOhms();
        int n = ln.length;
        SampleMoments moments = SampleMoments.of(ln);
        double mean = moments.mean();
        double squares = moments.squares();
        double sigmaMle = Math.sqrt(squares / n);
        double variance = moments.variance();
        double tail = (1 - confidence) / 2;
        double halfWidth = TDistribution.of(n - 1).inverseSurvivalProbability(tail) * Math.sqrt(variance / n);
        ChiSquaredDistribution chiSquare = ChiSquaredDistribution.of(n - 1);
        Interval median = new Interval(Math.exp(mean - halfWidth), Math.exp(mean + halfWidth));
        Interval sigma = new Interval(Math.sqrt(squares / chiSquare.inverseSurvivalProbability(tail)),
                Math.sqrt(squares / chiSquare.inverseCumulativeProbability(tail)));
        return new LogNormalFit(group, new LogNormal(Math.exp(mean), sigmaMle), median, sigma, variance / n,
                sigmaMle * sigmaMle / (2.0 * (n - 1)), LillieforsTest.test(ln));
    }

    /** The number of measurements. */
    public int n() {
        return group.ohms().size();
    }
}
