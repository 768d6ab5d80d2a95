package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.junit.jupiter.api.Test;

class RandomNetworksTest {
    private static final NetworkSpec SPEC = NetworkSpec.builder("N", "in", 100).dense("fc", 70).output("out", 10).build();

    @Test
    void sameSeedGivesSameNetworkAndInputs() {
        BinaryNetwork a = RandomNetworks.create(SPEC, 5);
        BinaryNetwork b = RandomNetworks.create(SPEC, 5);
        long[][] inputs = RandomNetworks.inputs(100, 20, 5);
        assertArrayEquals(inputs, RandomNetworks.inputs(100, 20, 5));
        for (long[] input : inputs) {
            assertArrayEquals(a.scores(input), b.scores(input));
        }
    }

    @Test
    void differentSeedsGiveDifferentWeightsAndBalancedBits() {
        long[][] x = RandomNetworks.inputs(6400, 1, 1);
        long[][] y = RandomNetworks.inputs(6400, 1, 2);
        assertNotEquals(Arrays.toString(x[0]), Arrays.toString(y[0]));
        int ones = Arrays.stream(x[0]).mapToInt(Long::bitCount).sum();
        // 6400 fair bits: mean 3200, sd 40; 5 sd bounds never fail for a sound generator.
        assertTrue(Math.abs(ones - 3200) < 200, "ones = " + ones);
    }

    @Test
    void everyLayerKindRunsWithRandomWeights() {
        NetworkSpec cnn = NetworkSpec.builder("C", new InputSpec("img", new Shape(12, 12, 1), new InputEncoding.BitSerial(4)))
                .conv("c1", 8, 3, 1, new Padding(1, -1)).pool("p1", PoolKind.AVG, 2, 2)
                .conv("c2", 16, 3, 1, Padding.VALID).pool("p2", PoolKind.MAX, 2, 2)
                .dense("fc", 32).output("out", 10).build();
        BinaryNetwork network = RandomNetworks.create(cnn, 3);
        assertEquals(4, network.weightLayerCount());
        assertEquals(4 * 3, network.inputWords(), "4 planes of 144 bits");
        long[][] inputs = RandomNetworks.inputs(network, 50, 4);
        int[] counts = new int[10];
        for (long[] input : inputs) {
            assertEquals(4 * 3, input.length);
            counts[network.predict(input)]++;
        }
        assertTrue(Arrays.stream(counts).filter(c -> c > 0).count() > 1, Arrays.toString(counts));
        double[][] real = RandomNetworks.realInputs(144, 5, 6);
        assertTrue(Arrays.stream(real).flatMapToDouble(Arrays::stream).allMatch(x -> x >= 0 && x < 1));
        assertArrayEquals(network.encode(real[0]), network.encode(real[0]));
    }

    @Test
    void onePlaneNetworkInputsAreThePlainInputs() {
        BinaryNetwork network = RandomNetworks.create(SPEC, 5);
        assertArrayEquals(RandomNetworks.inputs(100, 7, 8), RandomNetworks.inputs(network, 7, 8));
    }

    @Test
    void paddingBitsOfInputsAreZero() {
        long[] input = RandomNetworks.inputs(100, 1, 9)[0];
        assertEquals(0, input[1] >>> 36, "bits 100..127 must be zero");
    }
}
