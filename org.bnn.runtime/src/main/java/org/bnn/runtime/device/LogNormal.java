package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * The resistance distribution of a programmed device: ln R ~ N(ln medianOhms, sigma²), the usual
 * model of RRAM cycle-to-cycle and device-to-device variability (docs/language.md).
 *
 * @param medianOhms the median resistance, in ohms
 * @param sigma      the standard deviation of ln R (dimensionless); 0 means every device has the median
 */
public record LogNormal(double medianOhms, double sigma) {
    public LogNormal {
        Checks.positiveFinite("LogNormal", "medianOhms", medianOhms);
        Checks.nonNegativeFinite("LogNormal", "sigma", sigma);
    }

    /** ln of the median resistance (the mean of ln R). */
    public double lnMedian() {
        return Math.log(medianOhms);
    }

    /** The resistance, in ohms, that the standard normal value {@code standardNormal} maps to. */
    public double sample(double standardNormal) {
        return medianOhms * Math.exp(sigma * standardNormal);
    }

    /**
     * P(ln R &lt; lnOhms): the fraction of devices below a resistance given by its logarithm.
     * With sigma = 0 every device sits exactly at the median, which is not below itself.
     */
    public double probabilityLnBelow(double lnOhms) {
        double lnMedian = lnMedian();
        if (sigma == 0) {
            return lnOhms > lnMedian ? 1.0 : 0.0;
        }
        return StandardNormal.cdf((lnOhms - lnMedian) / sigma);
    }

    /**
     * P(ln R ≥ lnOhms), computed directly rather than as 1 − {@link #probabilityLnBelow}, so that
     * a tail probability far below 1e-16 keeps its precision.
     */
    public double probabilityLnAtLeast(double lnOhms) {
        double lnMedian = lnMedian();
        if (sigma == 0) {
            return lnOhms > lnMedian ? 0.0 : 1.0;
        }
        return StandardNormal.cdf((lnMedian - lnOhms) / sigma);
    }
}
