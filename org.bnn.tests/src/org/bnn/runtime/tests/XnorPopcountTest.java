package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.bnn.runtime.engine.BinaryDenseLayer;
import org.bnn.runtime.engine.OutputLayer;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.engine.XnorPopcount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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
        assertEquals(java.util.Arrays.toString(signs),
                java.util.Arrays.toString(PackedBits.toSigns(PackedBits.fromSigns(signs), 130)));
        assertEquals(3, PackedBits.words(130));
    }

    @Test
    void denseLayerAppliesThresholdInBothDirections() {
        int n = 100;
        SplittableRandom random = new SplittableRandom(3);
        int[][] w = new int[4][];
        long[] packed = new long[4 * PackedBits.words(n)];
        for (int k = 0; k < 4; k++) {
            w[k] = randomSigns(random, n);
            System.arraycopy(PackedBits.fromSigns(w[k]), 0, packed, k * PackedBits.words(n), PackedBits.words(n));
        }
        int[] x = randomSigns(random, n);
        int[] thresholds = {50, 50, 40, 60};
        boolean[] atLeast = {true, false, true, false};
        BinaryDenseLayer layer = new BinaryDenseLayer(new WeightMatrix(n, 4, packed), thresholds, atLeast);
        long[] out = new long[1];
        layer.forward(PackedBits.fromSigns(x), out);
        for (int k = 0; k < 4; k++) {
            int p = 0;
            for (int j = 0; j < n; j++) {
                p += w[k][j] == x[j] ? 1 : 0;
            }
            boolean expected = atLeast[k] ? p >= thresholds[k] : p <= thresholds[k];
            assertEquals(expected, PackedBits.get(out, k), "neuron " + k + " with P=" + p);
            assertEquals(w[k][17] > 0, layer.weights().bit(k, 17));
        }
    }

    @Test
    void signActivationTreatsZeroAsPlusOne() {
        // N = 2, weights (+1, +1), input (+1, -1): a = 0, so sign(a) = +1.
        BinaryDenseLayer layer = BinaryDenseLayer.withSignActivation(new WeightMatrix(2, 1, PackedBits.fromSigns(new int[] {1, 1})));
        long[] out = new long[1];
        layer.forward(PackedBits.fromSigns(new int[] {1, -1}), out);
        assertEquals(true, PackedBits.get(out, 0));
        layer.forward(PackedBits.fromSigns(new int[] {-1, -1}), out);
        assertEquals(false, PackedBits.get(out, 0));
    }

    @Test
    void outputScoresAreIntegerPreActivationsAndArgmaxTakesLowestOnTies() {
        long[] weights = new long[3];
        weights[0] = PackedBits.fromSigns(new int[] {1, 1, 1})[0];
        weights[1] = PackedBits.fromSigns(new int[] {-1, -1, -1})[0];
        weights[2] = PackedBits.fromSigns(new int[] {1, 1, 1})[0];
        OutputLayer output = new OutputLayer(new WeightMatrix(3, 3, weights));
        int[] scores = new int[3];
        output.scores(PackedBits.fromSigns(new int[] {1, 1, -1}), scores);
        assertEquals("[1, -1, 1]", java.util.Arrays.toString(scores));
        assertEquals(0, OutputLayer.argmax(scores));
        assertEquals(2, OutputLayer.argmax(new int[] {1, 2, 3}));
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
