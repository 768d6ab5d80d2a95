package org.bnn.runtime.aging;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.device.LogNormal;

/**
 * How the log-normal distribution of one state moves per decade (of time, or of program cycles):
 * the median is multiplied by (1 + p/100) and σ of ln R grows by {@code sigmaPerDecade} per decade,
 * so ln median(d) = ln median + d·ln(1 + p/100) and σ(d) = σ + d·{@code sigmaPerDecade} after d
 * decades (the log-time laws of RRAM relaxation and retention, e.g. Fantini et al., IMW 2015).
 *
 * @param medianPercentPerDecade change of the median per decade, in percent (−4 shrinks it by 4 % per decade); above −100
 * @param sigmaPerDecade         change of σ of ln R per decade (dimensionless); may be negative, as long as σ stays ≥ 0
 */
public record StateDrift(double medianPercentPerDecade, double sigmaPerDecade) {
    /** A state that does not move. */
    public static final StateDrift NONE = new StateDrift(0, 0);

    public StateDrift {
        if (!Double.isFinite(medianPercentPerDecade) || medianPercentPerDecade <= -100) {
            throw new SpecViolation("StateDrift", "medianPercentPerDecade", Problem.OUT_OF_RANGE,
                    "StateDrift.medianPercentPerDecade must be finite and above -100 % (a median stays positive), got "
                            + medianPercentPerDecade);
        }
        if (!Double.isFinite(sigmaPerDecade)) {
            throw new SpecViolation("StateDrift", "sigmaPerDecade", Problem.NOT_FINITE,
                    "StateDrift.sigmaPerDecade must be finite, got " + sigmaPerDecade);
        }
    }

    /**
     * The percentage per decade that multiplies the median as a slope of ln median per decade does:
     * 100·(e^slope − 1), the inverse of {@link #after}'s ln(1 + p/100) (a fit gives the slope).
     */
    public static double percentForLnSlope(double lnMedianPerDecade) {
        return 100 * Math.expm1(lnMedianPerDecade);
    }

    /** Whether the state moves at all. */
    public boolean moves() {
        return medianPercentPerDecade != 0 || sigmaPerDecade != 0;
    }

    /**
     * The distribution {@code decades} decades later, or a {@link SpecViolation} (naming
     * {@code where}) if σ would be negative there.
     */
    public LogNormal after(LogNormal fresh, double decades, String where) {
        Checks.nonNegativeFinite("StateDrift", "decades", decades);
        if (decades == 0 || !moves()) {
            return fresh;
        }
        double sigma = fresh.sigma() + decades * sigmaPerDecade;
        if (sigma < 0) {
            throw new SpecViolation("StateDrift", "sigmaPerDecade", Problem.INCONSISTENT, String.format(java.util.Locale.ROOT,
                    "sigma of ln R falls below 0 %s (%.3g %+.3g per decade x %.3g decades = %.3g); "
                            + "a sigma that shrinks must stop at 0 within the times studied",
                    where, fresh.sigma(), sigmaPerDecade, decades, sigma));
        }
        double median = fresh.medianOhms() * Math.exp(decades * Math.log1p(medianPercentPerDecade / 100));
        return new LogNormal(median, sigma);
    }
}
