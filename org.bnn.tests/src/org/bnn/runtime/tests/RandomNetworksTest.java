package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.NetworkSpec;
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
    void paddingBitsOfInputsAreZero() {
        long[] input = RandomNetworks.inputs(100, 1, 9)[0];
        assertEquals(0, input[1] >>> 36, "bits 100..127 must be zero");
    }
}
