package org.bnn.calibration.fit;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A straight line y = intercept + slope·u fitted by weighted least squares to estimates y_k of
 * known variances v_k (weights 1/v_k), as the estimates of several times after programming are
 * fitted against u = log10(t/t0).
 *
 * @param intercept         the value at u = 0
 * @param slope             the change per unit of u
 * @param standardError     the standard error of the slope, 1/√(Σ w_k (u_k − ū)²): from the
 *                          estimates' own variances, assuming the line holds
 * @param linearityPValue   the chi-square test of the line, Σ w_k (y_k − ŷ_k)² on k − 2 degrees of
 *                          freedom: a small value says the points do not lie on a straight line
 *                          within their errors; NaN with two points (a line always fits them)
 */
public record Trend(double intercept, double slope, double standardError, double linearityPValue) {

    /** The fit to points (u_k, y_k) with variances v_k; at least two distinct u. */
    public static Trend fit(double[] u, double[] y, double[] variance) {
        double weights = 0;
        double uMean = 0;
        double yMean = 0;
        for (int k = 0; k < u.length; k++) {
            double w = 1 / variance[k];
            weights += w;
            uMean += w * u[k];
            yMean += w * y[k];
        }
        uMean /= weights;
        yMean /= weights;
        double suu = 0;
        double suy = 0;
        for (int k = 0; k < u.length; k++) {
            double w = 1 / variance[k];
            suu += w * (u[k] - uMean) * (u[k] - uMean);
            suy += w * (u[k] - uMean) * (y[k] - yMean);
        }
        double slope = suy / suu;
        double intercept = yMean - slope * uMean;
        double residuals = 0;
        for (int k = 0; k < u.length; k++) {
            double r = y[k] - intercept - slope * u[k];
            residuals += r * r / variance[k];
        }
        int freedom = u.length - 2;
        double linearity = freedom > 0 ? ChiSquaredDistribution.of(freedom).survivalProbability(residuals) : Double.NaN;
        return new Trend(intercept, slope, 1 / Math.sqrt(suu), linearity);
    }

    /** The normal-approximation interval slope ± z·standard error at {@code confidence}. */
    public Interval slopeInterval(double confidence) {
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        return new Interval(slope - z * standardError, slope + z * standardError);
    }
}
