package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * Analytic weight bit error rates of a programmed array, averaged over devices, amplifiers and
 * reads, with weights +1 and −1 equally likely (docs/language.md). The Monte-Carlo cell sampler must
 * agree with these; the weight-level error model uses them to turn a regime into a BER.
 */
public final class BitErrorRates {
    private static final double INV_GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final double LN_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;

    private BitErrorRates() {
    }

    /** 2T2R read by an offset-free comparator: Φ(−(ln R_H − ln R_L)/√(σ_L² + σ_H²)). */
    public static double twoTwoR(RegimeSpec regime) {
        return pairError(regime.lnMargin(), variance(regime.lrs()) + variance(regime.hrs()));
    }

    /**
     * 2T2R read by a PCSA with mismatch and noise offsets:
     * Φ(−(ln R_H − ln R_L)/√(σ_L² + σ_H² + σ_mismatch² + σ_noise²)).
     */
    public static double twoTwoR(RegimeSpec regime, SenseAmpSpec senseAmp) {
        return pairError(regime.lnMargin(), variance(regime.lrs()) + variance(regime.hrs()) + senseAmp.offsetVariance());
    }

    /**
     * 2T2R with stuck-at faults, read by a PCSA. A pair whose devices end in the same state
     * (LRS/LRS or HRS/HRS) is a coin toss (probability ½); a pair stuck the wrong way round errs
     * with 1 − BER.
     */
    public static double twoTwoR(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt) {
        return withStuckPairs(twoTwoR(regime, senseAmp), stuckAt);
    }

    /** 2T2R with stuck-at faults, read by an offset-free comparator (as above, without amplifier offsets). */
    public static double twoTwoR(RegimeSpec regime, StuckAt stuckAt) {
        return withStuckPairs(twoTwoR(regime), stuckAt);
    }

    private static double withStuckPairs(double intactPairError, StuckAt stuckAt) {
        double pL = stuckAt.stuckAtLrsProbability();
        double pH = stuckAt.stuckAtHrsProbability();
        // By symmetry take w = +1: BL programmed LRS (ends HRS only if stuck HRS), BLb programmed HRS.
        double blLow = 1 - pH;
        double blbHigh = 1 - pL;
        return blLow * blbHigh * intactPairError
                + (blLow * pL + pH * blbHigh) * 0.5
                + pH * pL * (1 - intactPairError);
    }

    /**
     * 1T1R read against {@code referenceOhms}:
     * ½[1 − Φ((ln r − ln R_L)/σ_L)] + ½ Φ((ln r − ln R_H)/σ_H).
     */
    public static double oneTOneR(RegimeSpec regime, double referenceOhms) {
        return oneTOneR(regime, referenceOhms, StuckAt.NONE);
    }

    /** 1T1R read against the reference chosen by {@code reference}. */
    public static double oneTOneR(RegimeSpec regime, ReadReference reference) {
        return oneTOneR(regime, reference.ohms(regime));
    }

    /**
     * 1T1R with stuck-at faults: a weight +1 device ends in HRS with the stuck-at-HRS probability,
     * a weight −1 device in LRS with the stuck-at-LRS probability.
     */
    public static double oneTOneR(RegimeSpec regime, double referenceOhms, StuckAt stuckAt) {
        Checks.positiveFinite("BitErrorRates.oneTOneR", "referenceOhms", referenceOhms);
        return oneTOneRAtLn(regime, Math.log(referenceOhms), stuckAt);
    }

    /**
     * The reference that minimises the 1T1R bit error rate, in ohms, searched by golden section on
     * ln r between the two medians. There the error rate is convex (its derivative is half the
     * difference of the HRS and LRS densities of ln R, which only grows), so the search cannot
     * stop at a false minimum; with a zero sigma it returns a point as close to the infimum as the
     * tolerance allows. Stuck-at faults do not move the optimum (they scale both densities alike).
     */
    public static double bestReferenceOhms(RegimeSpec regime) {
        double lo = regime.lrs().lnMedian();
        double hi = regime.hrs().lnMedian();
        double c = hi - INV_GOLDEN * (hi - lo);
        double d = lo + INV_GOLDEN * (hi - lo);
        double fc = oneTOneRAtLn(regime, c, StuckAt.NONE);
        double fd = oneTOneRAtLn(regime, d, StuckAt.NONE);
        for (int i = 0; i < MAX_ITERATIONS && hi - lo > LN_TOLERANCE * Math.max(1, Math.abs(hi)); i++) {
            if (fc < fd) {
                hi = d;
                d = c;
                fd = fc;
                c = hi - INV_GOLDEN * (hi - lo);
                fc = oneTOneRAtLn(regime, c, StuckAt.NONE);
            } else {
                lo = c;
                c = d;
                fc = fd;
                d = lo + INV_GOLDEN * (hi - lo);
                fd = oneTOneRAtLn(regime, d, StuckAt.NONE);
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    private static double oneTOneRAtLn(RegimeSpec regime, double lnReference, StuckAt stuckAt) {
        double lrsReadsHigh = regime.lrs().probabilityLnAtLeast(lnReference);
        double lrsReadsLow = regime.lrs().probabilityLnBelow(lnReference);
        double hrsReadsHigh = regime.hrs().probabilityLnAtLeast(lnReference);
        double hrsReadsLow = regime.hrs().probabilityLnBelow(lnReference);
        double pL = stuckAt.stuckAtLrsProbability();
        double pH = stuckAt.stuckAtHrsProbability();
        double plusWrong = (1 - pH) * lrsReadsHigh + pH * hrsReadsHigh;
        double minusWrong = (1 - pL) * hrsReadsLow + pL * lrsReadsLow;
        return 0.5 * (plusWrong + minusWrong);
    }

    /** Φ(−margin/√variance), which is 0 for a noiseless pair (margin is always positive). */
    private static double pairError(double lnMargin, double variance) {
        return StandardNormal.cdf(-lnMargin / Math.sqrt(variance));
    }

    private static double variance(LogNormal distribution) {
        return distribution.sigma() * distribution.sigma();
    }
}
