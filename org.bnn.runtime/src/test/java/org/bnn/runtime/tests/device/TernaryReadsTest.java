package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bnn.runtime.testing.PaperFacts;
import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StandardNormal;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryCellSampler;
import org.bnn.runtime.device.TernaryConfusion;
import org.bnn.runtime.device.TernaryPcsa;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic ternary confusion matrix (docs/architecture.md §3, "Ternary weights: the zero
 * state") against limits with closed forms, a brute-force 2-D integration, and the symmetries of
 * the model; the read rule and the sampler's keying.
 */
class TernaryReadsTest {
    private static final Optional<SenseAmpSpec> PCSA = Optional.of(PaperFacts.SENSE_AMP);
    private static final StuckAt STUCK = new StuckAt(0.005, 0.01);
    /** A threshold above every device (ln T ≈ 690): every branch discharges and the read is the binary one. */
    private static final double EVERYTHING_DISCHARGES = 1e300;
    /** A threshold below every device: no branch ever discharges. */
    private static final double NOTHING_DISCHARGES = 1e-300;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.bnn.runtime.testing.PaperFacts#rows")
    void withEveryBranchDischargingTheSignsReadAsBinary2T2R(PaperFacts.Row row) {
        RegimeSpec regime = row.regime();
        TernaryConfusion offsetFree = TernaryReads.confusion(regime, Optional.empty(), StuckAt.NONE, EVERYTHING_DISCHARGES);
        assertEquals(BitErrorRates.twoTwoR(regime), offsetFree.plus().readsMinus(), 1e-9 * BitErrorRates.twoTwoR(regime));
        TernaryConfusion withPcsa = TernaryReads.confusion(regime, PCSA, StuckAt.NONE, EVERYTHING_DISCHARGES);
        double binary = BitErrorRates.twoTwoR(regime, PaperFacts.SENSE_AMP);
        assertEquals(binary, withPcsa.plus().readsMinus(), 1e-9 * binary);
        assertEquals(binary, withPcsa.minus().readsPlus(), 1e-9 * binary);
        // A stored 0 is two HRS devices: a coin toss between the signs, never 0.
        assertEquals(0.5, withPcsa.zero().readsPlus(), 1e-12);
        assertEquals(0.0, withPcsa.zero().readsZero());
        // Stuck-at faults: the binary formula (coin toss for LRS/LRS and HRS/HRS pairs) is exact here.
        TernaryConfusion stuck = TernaryReads.confusion(regime, PCSA, STUCK, EVERYTHING_DISCHARGES);
        double binaryStuck = BitErrorRates.twoTwoR(regime, PaperFacts.SENSE_AMP, STUCK);
        assertEquals(binaryStuck, stuck.plus().readsMinus(), 1e-9 * binaryStuck);
        assertEquals(binaryStuck, stuck.signFlipRate(), 1e-9 * binaryStuck);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.bnn.runtime.testing.PaperFacts#rows")
    void withNoBranchDischargingEverythingReadsZero(PaperFacts.Row row) {
        TernaryConfusion none = TernaryReads.confusion(row.regime(), PCSA, STUCK, NOTHING_DISCHARGES);
        for (int w = -1; w <= 1; w++) {
            assertEquals(1.0, none.probability(w, 0), 1e-15);
            assertEquals(0.0, none.probability(w, 1), 1e-300);
        }
    }

    /**
     * The zero reads are closed-form: stored 0 reads 0 with (1 − F_H(t))², stored +1 with
     * (1 − F_L(t))(1 − F_H(t)), where F is the CDF of ln R (no stuck-at faults).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.bnn.runtime.testing.PaperFacts#rows")
    void zeroReadsAreBothDevicesAboveTheThreshold(PaperFacts.Row row) {
        RegimeSpec regime = row.regime();
        double ohms = BitErrorRates.bestReferenceOhms(regime);
        double t = Math.log(ohms);
        double hrsAbove = 1 - StandardNormal.cdf((t - regime.hrs().lnMedian()) / regime.hrs().sigma());
        double lrsAbove = 1 - StandardNormal.cdf((t - regime.lrs().lnMedian()) / regime.lrs().sigma());
        TernaryConfusion c = TernaryReads.confusion(regime, PCSA, StuckAt.NONE, new ReadReference.Best());
        assertEquals(hrsAbove * hrsAbove, c.zero().readsZero(), 1e-12);
        assertEquals(lrsAbove * hrsAbove, c.plus().readsZero(), 1e-12 + 1e-9 * c.plus().readsZero());
        assertEquals(c.plus().readsZero(), c.minus().readsZero(), 0.0);
    }

    /** Rows sum to 1; swapping BL and BLb mirrors the matrix, which the quadrature computes through different integrals. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.bnn.runtime.testing.PaperFacts#rows")
    void rowsSumToOneAndTheMatrixIsSymmetricInTheSigns(PaperFacts.Row row) {
        for (StuckAt stuckAt : List.of(StuckAt.NONE, STUCK, new StuckAt(0.02, 0))) {
            for (double ohms : new double[] {20e3, 60e3, BitErrorRates.bestReferenceOhms(row.regime())}) {
                TernaryConfusion c = TernaryReads.confusion(row.regime(), PCSA, stuckAt, ohms);
                String what = row + ", " + stuckAt + ", " + ohms + " ohms: " + c;
                for (int w = -1; w <= 1; w++) {
                    assertEquals(1.0, c.probability(w, -1) + c.probability(w, 0) + c.probability(w, 1), 1e-9, what);
                }
                assertEquals(c.zero().readsPlus(), c.zero().readsMinus(), 1e-9 * c.zero().readsPlus(), what);
                assertEquals(c.plus().readsMinus(), c.minus().readsPlus(), 1e-9 * c.plus().readsMinus(), what);
                assertEquals(c.plus().readsZero(), c.minus().readsZero(), 1e-9 * c.plus().readsZero(), what);
                // Each integral is held to 1e-10 of its value, and the nine entries sum to 3.
                assertTrue(c.quadratureErrorBound() <= 3e-10, what);
                double summary = (c.minus().readsZero() + c.minus().readsPlus() + c.zero().readsMinus() + c.zero().readsPlus()
                        + c.plus().readsMinus() + c.plus().readsZero()) / 3;
                assertEquals(summary, c.weightErrorRate(), 1e-15, what);
            }
        }
    }

    /**
     * Every entry of the intact pairs against a brute-force 2-D integration over (ln R_BL, ln R_BLb)
     * with the offset integrated out: P(−1) = ∬ f_X f_Y Φ(−(y − x)/σ_o) 1[x &lt; t or y &lt; t].
     * Composite Simpson, 600 panels a side over ±9 σ, cut at t so that the indicator is constant
     * on each piece; an offset of σ 0.3 keeps the integrand smooth for Simpson (the brute force,
     * not the model, needs that).
     */
    @Test
    void entriesMatchABruteForce2dIntegration() {
        SenseAmpSpec wide = new SenseAmpSpec(0.3, 0, 25e-15, 2e-9);
        for (PaperFacts.Row row : List.of(PaperFacts.NOMINAL, PaperFacts.ULTRA_LOW)) {
            RegimeSpec regime = row.regime();
            for (double ohms : new double[] {BitErrorRates.bestReferenceOhms(regime), 60e3}) {
                TernaryConfusion c = TernaryReads.confusion(regime, Optional.of(wide), StuckAt.NONE, ohms);
                double t = Math.log(ohms);
                String what = row + " at " + Math.round(ohms) + " ohms";
                assertBrute(what + ", +1 reads -1", c.plus().readsMinus(), regime.lrs(), regime.hrs(), t, 0.3, -1);
                assertBrute(what + ", +1 reads +1", c.plus().readsPlus(), regime.lrs(), regime.hrs(), t, 0.3, 1);
                assertBrute(what + ", 0 reads +1", c.zero().readsPlus(), regime.hrs(), regime.hrs(), t, 0.3, 1);
                assertBrute(what + ", -1 reads -1", c.minus().readsMinus(), regime.hrs(), regime.lrs(), t, 0.3, -1);
            }
        }
    }

    private static void assertBrute(String what, double analytic, LogNormal bl, LogNormal blb, double t, double offsetSigma, int sign) {
        double brute = 0;
        for (double[] xs : pieces(bl, t)) {
            for (double[] ys : pieces(blb, t)) {
                boolean discharged = xs[1] <= t || ys[1] <= t;
                if (discharged) {
                    brute += simpson2d(bl, blb, xs, ys, offsetSigma, sign);
                }
            }
        }
        System.out.printf("%s: analytic %.10e, brute force %.10e%n", what, analytic, brute);
        assertEquals(brute, analytic, 1e-7 * Math.max(brute, 1e-6), what);
    }

    /** [low, t] and [t, high] of ±9 σ around the median, as far as they are not empty. */
    private static List<double[]> pieces(LogNormal d, double t) {
        double lo = d.lnMedian() - 9 * d.sigma();
        double hi = d.lnMedian() + 9 * d.sigma();
        if (t <= lo || t >= hi) {
            return List.of(new double[] {lo, hi});
        }
        return List.of(new double[] {lo, t}, new double[] {t, hi});
    }

    private static double simpson2d(LogNormal bl, LogNormal blb, double[] xs, double[] ys, double offsetSigma, int sign) {
        int n = 600;
        double hx = (xs[1] - xs[0]) / n;
        double hy = (ys[1] - ys[0]) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = xs[0] + i * hx;
            double wx = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            double fx = normalDensity(x, bl);
            for (int j = 0; j <= n; j++) {
                double y = ys[0] + j * hy;
                double wy = j == 0 || j == n ? 1 : (j % 2 == 1 ? 4 : 2);
                sum += wx * wy * fx * normalDensity(y, blb) * StandardNormal.cdf(sign * (y - x) / offsetSigma);
            }
        }
        return sum * hx * hy / 9;
    }

    private static double normalDensity(double lnR, LogNormal d) {
        double z = (lnR - d.lnMedian()) / d.sigma();
        return Math.exp(-0.5 * z * z) / (d.sigma() * Math.sqrt(2 * Math.PI));
    }

    /** Devices without spread, where every read is decided by hand: the stuck-at faults alone make the errors. */
    @Test
    void sharpDevicesErrOnlyThroughStuckAtFaults() {
        RegimeSpec sharp = new RegimeSpec("sharp", new LogNormal(8e3, 0), new LogNormal(180e3, 0),
                PaperFacts.NOMINAL.regime().set(), PaperFacts.NOMINAL.regime().reset(), 1e6);
        StuckAt stuck = new StuckAt(0.002, 0.001);
        TernaryConfusion c = TernaryReads.confusion(sharp, PCSA, stuck, 18e3);
        // Stored +1 (BL LRS, BLb HRS): BL stuck HRS and BLb intact -> neither discharges -> 0; both stuck
        // -> HRS/LRS -> -1; BLb stuck LRS with BL intact -> LRS/LRS, a coin toss on the offset.
        assertEquals(0.001 * 0.998, c.plus().readsZero(), 1e-15);
        assertEquals(0.001 * 0.002 + 0.5 * 0.999 * 0.002, c.plus().readsMinus(), 1e-15);
        assertEquals(0.999 * 0.998 + 0.5 * 0.999 * 0.002, c.plus().readsPlus(), 1e-15);
        // Stored 0 (HRS, HRS): one device stuck LRS reads its sign, both a coin toss.
        assertEquals(0.998 * 0.998, c.zero().readsZero(), 1e-15);
        assertEquals(0.002 * 0.998 + 0.5 * 0.002 * 0.002, c.zero().readsPlus(), 1e-15);
        // Without an amplifier the offset is 0 and an LRS/LRS tie reads -1 (Pcsa.weightRead).
        TernaryConfusion offsetFree = TernaryReads.confusion(sharp, Optional.empty(), stuck, 18e3);
        assertEquals(0.001 * 0.002 + 0.999 * 0.002, offsetFree.plus().readsMinus(), 1e-15);
        // ... which breaks the mirror symmetry: a stored -1 reads +1 only with both devices stuck the wrong way.
        assertEquals(0.002 * 0.001, offsetFree.minus().readsPlus(), 1e-18);
    }

    @Test
    void theReadRuleIsZeroWithoutADischargeElseThePcsaDecision() {
        double t = Math.log(18e3);
        assertEquals(0, TernaryPcsa.weightRead(Math.log(180e3), Math.log(200e3), t, 0));
        assertEquals(0, TernaryPcsa.weightRead(t, t, t, 5), "a branch at exactly the threshold does not discharge");
        assertEquals(1, TernaryPcsa.weightRead(Math.log(8e3), Math.log(180e3), t, 0));
        assertEquals(-1, TernaryPcsa.weightRead(Math.log(180e3), Math.log(8e3), t, 0));
        assertEquals(-1, TernaryPcsa.weightRead(Math.log(8e3), Math.log(180e3), t, -4), "an offset beyond the margin flips the sign");
        assertEquals(1, TernaryPcsa.weightRead(Math.log(8e3), Math.log(9e3), t, 0), "both discharge: the PCSA compares");
        assertEquals(-1, TernaryPcsa.weightRead(Math.log(8e3), Math.log(8e3), t, 0), "a tie reads -1, as for binary weights");
        assertTrue(TernaryPcsa.programmedLow(1, false) && TernaryPcsa.programmedLow(-1, true));
        assertTrue(!TernaryPcsa.programmedLow(0, false) && !TernaryPcsa.programmedLow(0, true) && !TernaryPcsa.programmedLow(1, true));
        assertEquals("a ternary weight is -1, 0 or +1, got 2",
                assertThrows(IllegalArgumentException.class, () -> TernaryPcsa.programmedLow(2, false)).getMessage());
    }

    /** The ternary sampler draws from the binary sampler's keyed streams: a ±1 cell is the binary cell, a 0 is two HRS devices. */
    @Test
    void theSamplerUsesTheBinaryDevicesStreams() {
        long chip = KeyedRandom.key(91, 3);
        CellSampler binary = new CellSampler(PaperFacts.NOMINAL.regime(), STUCK);
        TernaryCellSampler ternary = new TernaryCellSampler(PaperFacts.NOMINAL.regime(), STUCK);
        for (long cell = 0; cell < 1000; cell++) {
            for (boolean bar : new boolean[] {false, true}) {
                assertEquals(binary.lnR(chip, cell, bar, true), ternary.lnR(chip, cell, bar, 1), 0.0);
                assertEquals(binary.lnR(chip, cell, bar, false), ternary.lnR(chip, cell, bar, -1), 0.0);
                assertEquals(binary.lnRDevice(chip, CellSampler.twoTwoRDevice(cell, bar), false), ternary.lnR(chip, cell, bar, 0), 0.0);
            }
            double t = Math.log(18e3);
            assertEquals(TernaryPcsa.weightRead(ternary.lnR(chip, cell, false, 0), ternary.lnR(chip, cell, true, 0), t, 0.01),
                    ternary.read(chip, cell, 0, t, 0.01));
        }
    }
}
