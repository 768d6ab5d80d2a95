package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.ThresholdFold;
import org.bnn.runtime.engine.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The integer fold of batch norm + sign against the floating-point definition (docs/architecture.md, "The binary neuron"). */
class ThresholdFoldTest {

    /**
     * Every count V in [0, c·N] of thousands of random neurons: fires exactly when
     * γ(ā − μ)/σ + β ≥ 0 with ā = (2V − c·N)/c, for γ &gt; 0, γ &lt; 0 and γ = 0, odd and even N,
     * binary (c = 1), bit-serial (c = 2^B − 1) and average-pooled (c = window·S) layers.
     */
    @ParameterizedTest(name = "N={0}, c={1}")
    @CsvSource({"1,1", "2,1", "7,1", "64,1", "97,1", "784,1", "9,255", "10,3", "16,4", "27,36", "5,1020"})
    void foldEqualsFloatBatchNormAndSign(int fanIn, long countScale) {
        SplittableRandom random = new SplittableRandom(fanIn * 1000L + countScale);
        int neurons = 400;
        BatchNorm bn = TrainedParameters.batchNorm(random, neurons, fanIn);
        Thresholds thresholds = ThresholdFold.fold(bn, fanIn, countScale);
        long range = fanIn * countScale;
        int[] directions = new int[3];
        int checked = 0;
        double[] gammas = bn.gamma();
        double[] betas = bn.beta();
        double[] means = bn.mean();
        double[] variances = bn.variance();
        for (int k = 0; k < neurons; k++) {
            double gamma = gammas[k];
            directions[gamma > 0 ? 0 : gamma < 0 ? 1 : 2]++;
            assertEquals(gamma >= 0, thresholds.atLeast(k));
            assertTrue(thresholds.threshold(k) >= -1 && thresholds.threshold(k) <= range + 1, "t=" + thresholds.threshold(k));
            for (long v = 0; v <= range; v += Math.max(1, range / 2000)) {
                double preActivation = (double) (2 * v - range) / countScale;
                boolean expected = FloatReference.sign(gamma, betas[k], means[k], variances[k], bn.epsilon(), preActivation) > 0;
                assertEquals(expected, thresholds.fires(k, v), "neuron " + k + " V=" + v);
                checked++;
            }
        }
        assertTrue(directions[0] > 100 && directions[1] > 100 && directions[2] > 5, java.util.Arrays.toString(directions));
        assertTrue(checked >= 400, "checked " + checked);
    }

    /** Away from rounding ties, the threshold is the closed form ceil/floor(c·(τ + N)/2), τ = μ − βσ/γ. */
    @Test
    void foldEqualsTheClosedFormAwayFromTies() {
        SplittableRandom random = new SplittableRandom(5);
        int compared = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int fanIn = 1 + random.nextInt(2000);
            long countScale = random.nextBoolean() ? 1 : 1 + random.nextInt(300);
            BatchNorm bn = TrainedParameters.batchNorm(random, 1, fanIn);
            double gamma = bn.gamma()[0];
            if (gamma == 0) {
                continue;
            }
            double sigma = Math.sqrt(bn.variance()[0] + bn.epsilon());
            double tau = bn.mean()[0] - bn.beta()[0] * sigma / gamma;
            double half = countScale * (tau + fanIn) / 2;
            if (Math.abs(half - Math.rint(half)) < 1e-6) {
                continue; // within rounding of an integer: the closed form is ambiguous
            }
            long range = (long) fanIn * countScale;
            long expected = gamma > 0 ? (long) Math.ceil(half) : (long) Math.floor(half);
            expected = Math.max(-1, Math.min(range + 1, expected));
            if (gamma > 0) {
                expected = Math.max(0, expected);
            } else {
                expected = Math.min(range, expected);
            }
            assertEquals(expected, ThresholdFold.fold(bn, fanIn, countScale).threshold(0), "trial " + trial);
            compared++;
        }
        assertTrue(compared > 1800, "compared " + compared);
    }

    /** sign(0) = +1 in both directions: a count whose normalised value is exactly 0 fires. */
    @Test
    void exactTiesFireInBothDirections() {
        // N = 10, c = 1: V = 7 gives ā = 4 = μ, so γ(ā − μ)/σ + β = 0 exactly.
        for (double gamma : new double[] {0.5, -0.5}) {
            BatchNorm bn = new BatchNorm(new double[] {gamma}, new double[] {0}, new double[] {4}, new double[] {4}, 0);
            Thresholds t = ThresholdFold.fold(bn, 10, 1);
            assertTrue(t.fires(0, 7), "gamma " + gamma);
            assertEquals(gamma > 0, t.fires(0, 8));
            assertEquals(gamma < 0, t.fires(0, 6));
            assertEquals(7, t.threshold(0));
        }
        // Even N, odd c·N parity: N = 4, c = 3 (bit-serial B = 2): ā = (2V − 12)/3 = 0 at V = 6.
        BatchNorm bn = new BatchNorm(new double[] {1}, new double[] {0}, new double[] {0}, new double[] {1}, 0);
        Thresholds t = ThresholdFold.fold(bn, 4, 3);
        assertEquals(6, t.threshold(0));
        assertFalse(t.fires(0, 5));
    }

    @Test
    void zeroGammaIsAConstantBySignOfBeta() {
        BatchNorm bn = new BatchNorm(new double[] {0, 0, 0}, new double[] {0.0, -1e-300, 3}, new double[] {1e9, 0, -5},
                new double[] {1, 1, 1}, 0);
        Thresholds t = ThresholdFold.fold(bn, 33, 1);
        for (long v = 0; v <= 33; v++) {
            assertTrue(t.fires(0, v), "beta = 0 gives sign(0) = +1");
            assertFalse(t.fires(1, v));
            assertTrue(t.fires(2, v));
        }
        assertEquals(0, t.threshold(0));
        assertEquals(34, t.threshold(1));
    }

    /** Vanishing or huge γ, μ or σ: τ is huge or infinite, the threshold stays clamped and correct. */
    @Test
    void hugeAndInfiniteThresholdsAreClamped() {
        double tiny = Double.MIN_VALUE;
        BatchNorm bn = new BatchNorm(
                new double[] {tiny, tiny, -tiny, -tiny, 1e300, -1e300, 1, -1},
                new double[] {1, -1, 1, -1, 0, 0, 1e300, 1e300},
                new double[] {0, 0, 0, 0, 1e300, -1e300, 0, 0},
                new double[] {1e300, 1e300, 1, 1, 1, 1, 1e-300, 1e-300}, 0);
        int fanIn = 51;
        Thresholds t = ThresholdFold.fold(bn, fanIn, 1);
        boolean[] always = {true, false, true, false, false, false, true, true};
        for (int k = 0; k < always.length; k++) {
            for (long v = 0; v <= fanIn; v++) {
                assertEquals(always[k], t.fires(k, v), "neuron " + k + " V=" + v);
                assertEquals(FloatReference.sign(bn, k, 2 * v - fanIn) > 0, t.fires(k, v), "neuron " + k + " V=" + v);
            }
            assertTrue(t.threshold(k) >= -1 && t.threshold(k) <= fanIn + 1);
        }
    }

    @Test
    void signActivationIsTheIdentityBatchNorm() {
        for (int fanIn : new int[] {1, 2, 3, 100, 101}) {
            assertEquals(Thresholds.sign(7, fanIn), ThresholdFold.fold(BatchNorm.identity(7), fanIn, 1));
            assertEquals((fanIn + 1) / 2, Thresholds.sign(1, fanIn).threshold(0));
        }
    }
}
