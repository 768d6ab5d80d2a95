package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import java.util.Arrays;

import org.bnn.runtime.engine.Argmax;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.Thresholds;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.engine.XnorPopcount;
import org.bnn.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bit-packed kernel against the definition: a ±1 dot product computed naively. */
class XnorPopcountTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 127, 128, 129, 784, 1000, 1024})
    void matchesAgreeWithNaiveDotProduct(int n) {
        SplittableRandom random = new SplittableRandom(n);
        for (int trial = 0; trial < 50; trial++) {
            int[] w = randomSigns(random, n);
            int[] x = randomSigns(random, n);
            int dot = 0;
            for (int j = 0; j < n; j++) {
                dot += w[j] * x[j];
            }
            int p = XnorPopcount.matches(PackedBits.fromSigns(w), 0, PackedBits.fromSigns(x), n);
            assertEquals(dot, 2 * p - n, "a = 2P - N must equal the ±1 dot product (n=" + n + ")");
        }
    }

    @Test
    void packingRoundTrips() {
        int[] signs = randomSigns(new SplittableRandom(7), 130);
        assertEquals(Arrays.toString(signs),
                Arrays.toString(PackedBits.toSigns(PackedBits.fromSigns(signs), 130)));
        assertEquals(3, PackedBits.words(130));
    }

    @Test
    void thresholdsCompareInBothDirections() {
        int n = 100;
        SplittableRandom random = new SplittableRandom(3);
        double[] w = new double[4 * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextBoolean() ? 1 : -1;
        }
        WeightMatrix weights = WeightMatrix.fromSigns(n, 4, w);
        int[] x = randomSigns(random, n);
        Thresholds thresholds = new Thresholds(new long[] {50, 50, 40, 60}, new boolean[] {true, false, true, false});
        for (int k = 0; k < 4; k++) {
            int p = 0;
            for (int j = 0; j < n; j++) {
                p += w[k * n + j] == x[j] ? 1 : 0;
            }
            assertEquals(p, weights.matches(k, PackedBits.fromSigns(x)));
            boolean expected = thresholds.atLeast(k) ? p >= thresholds.threshold(k) : p <= thresholds.threshold(k);
            assertEquals(expected, thresholds.fires(k, p), "neuron " + k + " with P=" + p);
            assertEquals(w[k * n + 17] > 0, weights.bit(k, 17));
        }
    }

    @Test
    void signActivationTreatsZeroAsPlusOne() {
        // N = 2: P = 1 gives a = 0, so sign(a) = +1; P = 0 gives a = -2.
        Thresholds sign = Thresholds.sign(1, 2);
        assertTrue(sign.fires(0, 1));
        assertFalse(sign.fires(0, 0));
        assertEquals(1, sign.threshold(0));
    }

    @Test
    void outputScoresAreIntegerPreActivationsAndArgmaxTakesLowestOnTies() {
        NetworkSpec spec = NetworkSpec.builder("N", "in", 3).output("out", 3).build();
        WeightMatrix weights = WeightMatrix.fromSigns(3, 3, new double[] {1, 1, 1, -1, -1, -1, 1, 1, 1});
        BinaryNetwork network = BinaryNetwork.create(spec, NetworkParameters.of(LayerParameters.signOnly("out", weights)));
        long[] input = PackedBits.fromSigns(new int[] {1, 1, -1});
        assertEquals("[1, -1, 1]", Arrays.toString(network.preActivations(input)));
        assertEquals("[1.0, -1.0, 1.0]", Arrays.toString(network.scores(input)));
        assertEquals(0, network.predict(input));
        BinaryNetwork.Scratch scratch = network.newScratch();
        scratch.predict(input);
        assertEquals(2, scratch.lastSharingMaximum());
        assertEquals(2, Argmax.index(new double[] {1, 2, 3}));
        assertEquals(1, Argmax.sharingMaximum(new double[] {1, 2, 3}));
    }

    @Test
    void weightsWithBitsInThePaddingAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightMatrix(3, 1, new long[] {0b1000}));
        assertEquals("weights row 0 has bits set past fanIn 3", e.getMessage());
    }

    private static int[] randomSigns(SplittableRandom random, int n) {
        int[] signs = new int[n];
        for (int j = 0; j < n; j++) {
            signs[j] = random.nextBoolean() ? 1 : -1;
        }
        return signs;
    }
}
