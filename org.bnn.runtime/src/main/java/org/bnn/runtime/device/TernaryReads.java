package org.bnn.runtime.device;

import java.util.Arrays;
import java.util.Optional;

import org.bnn.runtime.checks.Checks;

/**
 * Analytic confusion matrix of one sense of a ternary 2T2R cell (docs/architecture.md §3,
 * "Ternary weights: the zero state"), from the regime's log-normal LRS/HRS distributions, the
 * PCSA's offset and stuck-at faults, under the read rule of {@link TernaryPcsa}. The Monte-Carlo
 * {@link TernaryCellSampler} must agree with it.
 *
 * <p>Per device pair whose devices <i>end</i> (after stuck-at faults) in states a (BL) and b (BLb):
 * X = ln R_BL ~ N(μ_a, σ_a²), Y = ln R_BLb ~ N(μ_b, σ_b²), offset o ~ N(0, σ_o²) with σ_o² the
 * amplifier's mismatch plus noise variance (0 without an amplifier), all independent; t = ln T.
 * <ul>
 * <li>P(0) = P(X ≥ t)·P(Y ≥ t), in closed form;</li>
 * <li>P(−1) = P(Δ + o ≤ 0 and (X &lt; t or Y &lt; t)) with Δ = Y − X ~ N(μ_b − μ_a, s²),
 * s² = σ_a² + σ_b². As o is independent of (X, Δ), and given Δ = δ, X is normal with mean
 * μ_a − σ_a²(δ − μ_Δ)/s² and standard deviation σ_aσ_b/s, while "X &lt; t or X + δ &lt; t" is
 * X &lt; t + max(0, −δ):
 * P(−1) = ∫ φ_Δ(δ)·Φ(−δ/σ_o)·P(X &lt; t + max(0, −δ) | Δ = δ) dδ, a 1-D integral of closed-form
 * terms; P(+1) is the same with Φ(δ/σ_o). (σ_o = 0 turns Φ(∓δ/σ_o) into the steps δ ≤ 0, δ &gt; 0.)</li>
 * </ul>
 * The integrals run over δ = μ_Δ + s·z, z in [−40, 40] (beyond, φ underflows), cut at every
 * integer z, at δ = 0 (the kink and the offset's step) and at δ = ±σ_o, ±2σ_o, ±4σ_o, ±8σ_o (the
 * offset's transition), by adaptive Gauss–Kronrod to a relative error of {@value #RELATIVE_TOLERANCE}
 * each ({@link TernaryConfusion#quadratureErrorBound} sums the estimates). Stored w programs BL to
 * the LRS iff w = +1 and BLb iff w = −1; a device programmed LRS ends in the HRS with the stuck-at-HRS
 * probability, one programmed HRS ends in the LRS with the stuck-at-LRS probability, and the
 * confusion is the mixture over the four end states.
 */
public final class TernaryReads {
    /** The zero threshold used unless a description gives one: {@code best}, <i>illustrative</i> (not from arXiv 2007.14234). */
    public static final ReadReference DEFAULT_ZERO_THRESHOLD = new ReadReference.Best();
    static final double RELATIVE_TOLERANCE = 1e-10;
    private static final double Z_REACH = 40;
    private static final double[] OFFSET_BREAKS = {1, 2, 4, 8};
    private static final double INV_SQRT_2PI = 0.39894228040143267794;

    private TernaryReads() {
    }

    /**
     * P(read | stored) for cells of {@code regime} read by {@code sense} (an offset-free comparator
     * without one), with stuck-at faults, against the zero threshold {@code zeroThreshold}
     * ({@code best}: {@link BitErrorRates#bestReferenceOhms}).
     */
    public static TernaryConfusion confusion(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt,
            ReadReference zeroThreshold) {
        Checks.present("TernaryReads", "regime", regime);
        return confusion(regime, sense, stuckAt, Checks.present("TernaryReads", "zeroThreshold", zeroThreshold).ohms(regime));
    }

    /** As above, with the zero threshold in ohms. */
    public static TernaryConfusion confusion(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt, double zeroThresholdOhms) {
        Checks.present("TernaryReads", "regime", regime);
        Checks.present("TernaryReads", "sense", sense);
        Checks.present("TernaryReads", "stuckAt", stuckAt);
        Checks.positiveFinite("TernaryReads", "zeroThresholdOhms", zeroThresholdOhms);
        double offsetSigma = sense.map(s -> Math.sqrt(s.offsetVariance())).orElse(0.0);
        return mixture(regime, stuckAt, new PairModel(offsetSigma, Math.log(zeroThresholdOhms)));
    }

    /** {@link TernaryConfusion#weightErrorRate()} of {@link #confusion}: −1, 0, +1 equally likely. */
    public static double weightErrorRate(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt, ReadReference zeroThreshold) {
        return confusion(regime, sense, stuckAt, zeroThreshold).weightErrorRate();
    }

    /** The rows of stored −1, 0, +1 as mixtures over the end states of the two devices. */
    private static TernaryConfusion mixture(RegimeSpec regime, StuckAt stuckAt, PairModel model) {
        LogNormal[] states = {regime.lrs(), regime.hrs()}; // index 0: ends low
        PairReads[][] pairs = new PairReads[2][2];
        double[][] rows = new double[3][3];
        double error = 0;
        for (int w = -1; w <= 1; w++) {
            double[] blEndsLow = endsLow(TernaryPcsa.programmedLow(w, false), stuckAt);
            double[] blbEndsLow = endsLow(TernaryPcsa.programmedLow(w, true), stuckAt);
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    double weight = blEndsLow[a] * blbEndsLow[b];
                    if (weight == 0) {
                        continue;
                    }
                    if (pairs[a][b] == null) {
                        pairs[a][b] = model.reads(states[a], states[b]);
                    }
                    PairReads pair = pairs[a][b];
                    rows[w + 1][0] += weight * pair.minus;
                    rows[w + 1][1] += weight * pair.zero;
                    rows[w + 1][2] += weight * pair.plus;
                    error += weight * pair.error;
                }
            }
        }
        return new TernaryConfusion(row(rows[0]), row(rows[1]), row(rows[2]), error);
    }

    /** {P(ends low), P(ends high)} of a device programmed low or high. */
    private static double[] endsLow(boolean programmedLow, StuckAt stuckAt) {
        double low = programmedLow ? 1 - stuckAt.stuckAtHrsProbability() : stuckAt.stuckAtLrsProbability();
        double high = programmedLow ? stuckAt.stuckAtHrsProbability() : 1 - stuckAt.stuckAtLrsProbability();
        return new double[] {low, high};
    }

    private static TernaryConfusion.Row row(double[] reads) {
        return new TernaryConfusion.Row(reads[0], reads[1], reads[2]);
    }

    /** The reads of one pair of devices in given end states, and the error estimate of its integrals. */
    private record PairReads(double minus, double zero, double plus, double error) {
    }

    /** What every pair of a confusion shares: the offset's standard deviation and t = ln T. */
    private record PairModel(double offsetSigma, double lnThreshold) {

        PairReads reads(LogNormal bl, LogNormal blb) {
            double zero = bl.probabilityLnAtLeast(lnThreshold) * blb.probabilityLnAtLeast(lnThreshold);
            double muA = bl.lnMedian();
            double sigmaA = bl.sigma();
            double meanDelta = blb.lnMedian() - muA;
            double s = Math.hypot(sigmaA, blb.sigma());
            if (s == 0) { // both devices exactly at their medians: Δ is the constant meanDelta
                double discharged = below(muA, 0, lnThreshold + Math.max(0, -meanDelta));
                return new PairReads(offsetAtMost(-meanDelta) * discharged, zero, offsetAbove(-meanDelta) * discharged, 0);
            }
            Quadrature.Result minus = branchIntegral(bl, blb, meanDelta, s, false);
            Quadrature.Result plus = branchIntegral(bl, blb, meanDelta, s, true);
            return new PairReads(minus.value(), zero, plus.value(), minus.errorEstimate() + plus.errorEstimate());
        }

        /**
         * P(−1) ({@code readsPlus} false) or P(+1) of the pair: over δ = meanDelta + s·z, the
         * density φ(z) × P(o ≤ −δ) or P(o &gt; −δ) × P(X &lt; t + max(0, −δ) | z), where given z,
         * X has mean μ_a − (σ_a²/s)·z and standard deviation σ_aσ_b/s.
         */
        private Quadrature.Result branchIntegral(LogNormal bl, LogNormal blb, double meanDelta, double s, boolean readsPlus) {
            double muA = bl.lnMedian();
            double slope = bl.sigma() * bl.sigma() / s;
            double conditionalSigma = bl.sigma() * blb.sigma() / s;
            return Quadrature.integrate(z -> {
                double delta = meanDelta + s * z;
                double decided = readsPlus ? offsetAbove(-delta) : offsetAtMost(-delta);
                return density(z) * decided * below(muA - slope * z, conditionalSigma, lnThreshold + Math.max(0, -delta));
            }, breakpoints(meanDelta, s), RELATIVE_TOLERANCE);
        }

        /** z of every integer in [−40, 40], of δ = 0 and of δ = ±k·σ_o, sorted. */
        private double[] breakpoints(double meanDelta, double s) {
            double[] breaks = new double[(int) (2 * Z_REACH) + 2 + 2 * OFFSET_BREAKS.length];
            int n = 0;
            for (int z = (int) -Z_REACH; z <= Z_REACH; z++) {
                breaks[n++] = z;
            }
            breaks[n++] = clamp(-meanDelta / s);
            for (double k : OFFSET_BREAKS) {
                breaks[n++] = clamp((-meanDelta - k * offsetSigma) / s);
                breaks[n++] = clamp((-meanDelta + k * offsetSigma) / s);
            }
            Arrays.sort(breaks, 0, n);
            return Arrays.copyOf(breaks, n);
        }

        /** P(o ≤ x): a step at 0 without an offset. */
        private double offsetAtMost(double x) {
            return offsetSigma == 0 ? (x >= 0 ? 1 : 0) : StandardNormal.cdf(x / offsetSigma);
        }

        /** P(o &gt; x), computed directly for the precision of its tail. */
        private double offsetAbove(double x) {
            return offsetSigma == 0 ? (x < 0 ? 1 : 0) : StandardNormal.cdf(-x / offsetSigma);
        }
    }

    /** P(N(mean, sigma²) &lt; x); with sigma 0 the value sits at the mean, which is not below itself. */
    private static double below(double mean, double sigma, double x) {
        return sigma == 0 ? (mean < x ? 1 : 0) : StandardNormal.cdf((x - mean) / sigma);
    }

    private static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    private static double clamp(double z) {
        return Math.max(-Z_REACH, Math.min(Z_REACH, z));
    }
}
