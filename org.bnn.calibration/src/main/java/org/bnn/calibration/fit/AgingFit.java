package org.bnn.calibration.fit;

import java.util.List;

import org.bnn.calibration.measurements.GroupKey;

/**
 * How one state of one regime ages: the model of the language's aging parameters,
 * ln median(t) = ln median(t0) + drift·log10(t/t0) and σ(t) = σ(t0) + growth·log10(t/t0), fitted to
 * the log-normal fits of several times after programming.
 *
 * @param series    the regime, state and cycle count (no time)
 * @param t0Seconds the reference time t0, in seconds: the earliest time in the file
 * @param times     the fits, earliest first (at least two distinct times)
 * @param drift     ln median against log10(t/t0): the slope is the drift per decade, in ln R (0.02
 *                  is a median 2 % higher per decade, written 2 % in the language)
 * @param growth    σ of ln R against log10(t/t0): the slope is the σ growth per decade
 */
public record AgingFit(GroupKey series, double t0Seconds, List<LogNormalFit> times, Trend drift, Trend growth) {
    public AgingFit {
        times = List.copyOf(times);
    }

    /** The fit of {@code times} (one series, earliest first) against log10(t/t0). */
    public static AgingFit of(GroupKey series, double t0Seconds, List<LogNormalFit> times) {
        int k = times.size();
        double[] decades = new double[k];
        double[] lnMedian = new double[k];
        double[] lnMedianVariance = new double[k];
        double[] sigma = new double[k];
        double[] sigmaVariance = new double[k];
        for (int i = 0; i < k; i++) {
            LogNormalFit fit = times.get(i);
            decades[i] = Math.log10(fit.group().key().seconds() / t0Seconds);
            lnMedian[i] = fit.estimate().lnMedian();
            lnMedianVariance[i] = fit.lnMeanVariance();
            sigma[i] = fit.estimate().sigma();
            sigmaVariance[i] = fit.sigmaVariance();
        }
        return new AgingFit(series, t0Seconds, times, Trend.fit(decades, lnMedian, lnMedianVariance),
                Trend.fit(decades, sigma, sigmaVariance));
    }
}
