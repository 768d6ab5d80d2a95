package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.errors.NoiseReach;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;

/**
 * The facts about KeyedRandom.gaussian that make the fragile cut-off and the radius screen exact:
 * its values are bounded by √(−2 ln 2⁻⁵³) &lt; {@link NoiseReach#GAUSSIAN_BOUND}, and by the
 * Box–Muller radius of the uniform at index 2i of the same stream.
 */
class NoiseReachTest {

    @Test
    void theBoundCoversTheLargestBoxMullerRadius() {
        double smallestU1 = 1.0 - (((1L << 53) - 1) * 0x1.0p-53); // 1 − the largest 53-bit uniform
        double largestRadius = Math.sqrt(-2.0 * Math.log(smallestU1));
        System.out.printf("largest |z| of KeyedRandom.gaussian: %.6f, bound %.2f%n", largestRadius, NoiseReach.GAUSSIAN_BOUND);
        assertTrue(smallestU1 == 0x1.0p-53 && largestRadius < 8.5718 && largestRadius < NoiseReach.GAUSSIAN_BOUND);
    }

    @Test
    void everyGaussianIsWithinTheRadiusOfItsFirstUniform() {
        long key = KeyedRandom.key(2024, 7);
        double largest = 0;
        for (long i = 0; i < 1_000_000; i++) {
            double z = KeyedRandom.gaussian(key, i);
            double radius = Math.sqrt(-2.0 * Math.log(1.0 - KeyedRandom.uniform(key, 2 * i)));
            assertTrue(Math.abs(z) <= radius, "index " + i + ": |" + z + "| > " + radius);
            largest = Math.max(largest, Math.abs(z));
        }
        assertTrue(largest < NoiseReach.GAUSSIAN_BOUND, "largest " + largest);
    }
}
