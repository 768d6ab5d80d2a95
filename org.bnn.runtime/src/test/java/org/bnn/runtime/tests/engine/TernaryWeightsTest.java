package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.TernaryPlanes;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.engine.XnorPopcount;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

/**
 * Ternary weights in the engine: the two-plane XNOR-popcount against a naive ternary dot product,
 * the error model's misread rates, and parameters that do not fit the network. The whole-network
 * checks are in {@link ConvPoolTest} (against a naive float network) and
 * {@link FastMatchesReferenceTest} (against the cell-by-cell reference, in every error mode).
 */
class TernaryWeightsTest {

    /** P over the 2N-bit planes read with x‖x is N + Σ w·x, for fan-ins around word boundaries. */
    @Test
    void twoPlanePopcountIsTheTernaryDotProduct() {
        SplittableRandom random = new SplittableRandom(11);
        int checked = 0;
        for (int n : new int[] {1, 2, 31, 63, 64, 65, 127, 128, 129, 200}) {
            int rows = 5;
            int[][] w = new int[rows][n];
            double[] signs = new double[rows * n];
            double[] nonzero = new double[rows * n];
            for (int k = 0; k < rows; k++) {
                for (int j = 0; j < n; j++) {
                    w[k][j] = random.nextInt(3) - 1;
                    signs[k * n + j] = w[k][j] == 0 ? (random.nextBoolean() ? 1 : -1) : w[k][j]; // a zero's sign bit is noise
                    nonzero[k * n + j] = w[k][j] == 0 ? -1 : 1;
                }
            }
            WeightMatrix stored = TernaryPlanes.encode(WeightMatrix.fromSigns(n, rows, signs), WeightMatrix.fromSigns(n, rows, nonzero));
            assertEquals(2 * n, stored.fanIn());
            for (int trial = 0; trial < 20; trial++) {
                int[] x = new int[n];
                double[] xs = new double[n];
                for (int j = 0; j < n; j++) {
                    x[j] = random.nextBoolean() ? 1 : -1;
                    xs[j] = x[j];
                }
                long[] packed = WeightMatrix.fromSigns(n, 1, xs).packedRows();
                long[] twice = new long[(2 * n + 63) / 64];
                TernaryPlanes.twice(packed, 0, n, twice);
                for (int k = 0; k < rows; k++) {
                    int dot = 0;
                    for (int j = 0; j < n; j++) {
                        dot += w[k][j] * x[j];
                        assertEquals(w[k][j], TernaryPlanes.value(stored, k, j, n));
                    }
                    assertEquals(n + dot, stored.matches(k, twice), "n " + n + " row " + k);
                    assertEquals(n + dot, XnorPopcount.matches(stored.packedRows(), k * twice.length, twice, 2 * n));
                    checked++;
                }
            }
        }
        assertEquals(10 * 20 * 5, checked);
    }

    /**
     * Weight-level errors at BER p invert each plane bit with probability p/2: a ±1 weight is misread
     * with probability p − p²/4, a 0 with p − p²/2; measured on chips of a random ternary network
     * (¼ zeros) within 4 binomial standard deviations.
     */
    @Test
    void ternaryWeightsAreMisreadAtTheStatedRate() {
        NetworkSpec spec = TestSpecs.ternary(NetworkSpec.builder("T", "in", 400).dense("fc", 300).output("out", 10).build());
        BinaryNetwork network = RandomNetworks.create(spec, 4);
        double p = 0.2;
        ErrorPatterns patterns = ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, p, 2));
        int trials = 4;
        double measured = patterns.chipBitErrorRate(network, 9, trials).orElseThrow();
        long weights = 400L * 300 + 300L * 10;
        long zeros = 0;
        for (int l = 0; l < 2; l++) {
            WeightMatrix stored = network.weights(l);
            int n = stored.fanIn() / 2;
            for (int k = 0; k < stored.rows(); k++) {
                for (int j = 0; j < n; j++) {
                    zeros += TernaryPlanes.value(stored, k, j, n) == 0 ? 1 : 0;
                }
            }
        }
        double zeroShare = (double) zeros / weights;
        assertTrue(zeroShare > 0.2 && zeroShare < 0.3, "random ternary layers hold about ¼ zeros, got " + zeroShare);
        double expected = (1 - zeroShare) * (p - p * p / 4) + zeroShare * (p - p * p / 2);
        double sigma = Math.sqrt(expected * (1 - expected) / (weights * trials));
        assertEquals(expected, measured, 4 * sigma, "misread share");
    }

    /** Coded words (SECDED) hold binary weights: patterns with a code refuse a ternary layer by name. */
    @Test
    void codedWordsRefuseTernaryLayers() {
        NetworkSpec spec = TestSpecs.ternary(NetworkSpec.builder("T", "in", 100).dense("fc", 8).output("out", 3).build(), "fc");
        BinaryNetwork network = RandomNetworks.create(spec, 2);
        ErrorPatterns coded = ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, 0.01, 2),
                java.util.Optional.of(org.bnn.runtime.ecc.Secded7264.WORD_CODE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> coded.chip(network, 1, 0));
        assertEquals("layer fc has ternary weights: coded words (secded(72,64)) hold binary weights only", e.getMessage());
    }

    /** A binary layer given a nonzero mask, or a ternary layer given none, is refused by name. */
    @Test
    void parametersMustMatchTheWeightValuesOfTheNetwork() {
        NetworkSpec binary = NetworkSpec.builder("B", "in", 20).dense("fc", 8).output("out", 3).build();
        NetworkSpec ternary = TestSpecs.ternary(binary, "fc");
        NetworkParameters binaryParameters = RandomNetworks.parameters(binary, 1);
        NetworkParameters ternaryParameters = RandomNetworks.parameters(ternary, 1);
        assertTrue(ternaryParameters.layer("fc").orElseThrow().ternary());
        assertTrue(!ternaryParameters.layer("out").orElseThrow().ternary());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BinaryNetwork.create(ternary, binaryParameters));
        assertEquals("layer fc has ternary weights in the network, but binary parameters (without a nonzero mask)", missing.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> BinaryNetwork.create(binary, ternaryParameters));
        assertEquals("layer fc has binary weights in the network, but ternary parameters (with a nonzero mask)", extra.getMessage());
        LayerParameters fc = ternaryParameters.layer("fc").orElseThrow();
        assertThrows(IllegalArgumentException.class,
                () -> new LayerParameters("fc", fc.weights(), WeightMatrix.fromSigns(19, 8, new double[19 * 8]), fc.batchNorm()));
    }
}
