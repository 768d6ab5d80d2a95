package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bnn.runtime.errors.PopcountDomain;
import org.bnn.runtime.random.Binomial;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact draws of {@link PopcountDomain}, recomputed from its description: neuron k's count D
 * becomes D + Bin(N − D, p) − Bin(D, p), the two binomials inverted from the 53-bit uniforms 2k
 * and 2k + 1 of the layer's key; and the range of p and N it accepts.
 */
class PopcountDomainDrawsTest {
    @Test
    void countsChangeByTheBinomialsOfTheirOwnUniforms() {
        int fanIn = 37;
        double p = 0.3;
        int neurons = 200;
        long layerKey = PopcountDomain.layerKey(KeyedRandom.key(8, 9), 1);
        int[] differing = new int[neurons];
        int[] expected = new int[neurons];
        for (int k = 0; k < neurons; k++) {
            int d = k % (fanIn + 1);
            differing[k] = d;
            expected[k] = (int) (d + binomial(fanIn - d, p, layerKey, 2L * k) - binomial(d, p, layerKey, 2L * k + 1));
        }
        PopcountDomain.of(fanIn, p).addTo(differing, neurons, layerKey);
        assertArrayEquals(expected, differing);
    }

    @Test
    void acceptsOneWeightAndHalfAndRejectsNoWeightsAndNoErrors() {
        int[] one = {1};
        PopcountDomain.of(1, 0.5).addTo(one, 1, 3);
        assertThrows(IllegalArgumentException.class, () -> PopcountDomain.of(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> PopcountDomain.of(8, 0.0));
        assertThrows(IllegalArgumentException.class, () -> PopcountDomain.of(8, 0.51));
    }

    private static long binomial(int m, double p, long layerKey, long index) {
        return Binomial.inverse((KeyedRandom.bitsAt(layerKey, index) >>> 11) * 0x1.0p-53, m, p);
    }
}
