package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistics of the flip sampler. Bounds are 5 standard deviations, so a correct sampler fails
 * one of these checks with probability below 1e-6 while a biased one fails reliably.
 */
class NestedFlipsTest {
    private static final double[] SWEEP = {0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 4e-2, 1e-1};

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 3.3e-2, 0.1, 0.37, 0.5})
    void flipCountsAreBinomial(double p) {
        int n = 20_000;
        int keys = 400;
        double sum = 0;
        double sumSquares = 0;
        for (int key = 0; key < keys; key++) {
            long count = NestedFlips.positions(KeyedRandom.key(77, key), n, p).length;
            sum += count;
            sumSquares += (double) count * count;
        }
        double mean = sum / keys;
        double variance = sumSquares / keys - mean * mean;
        double expectedMean = n * p;
        double expectedVariance = n * p * (1 - p);
        assertTrue(Math.abs(mean - expectedMean) < 5 * Math.sqrt(expectedVariance / keys),
                "mean " + mean + " vs " + expectedMean);
        // The sample variance of a binomial has relative sd ≈ sqrt(2/keys) for large n·p.
        if (expectedMean > 50) {
            assertTrue(Math.abs(variance / expectedVariance - 1) < 5 * Math.sqrt(2.0 / keys),
                    "variance " + variance + " vs " + expectedVariance);
        }
    }

    @Test
    void rareFlipsHaveTheRightRate() {
        // 1e-6 over 2e9 positions: 2000 expected flips, at a cost proportional to them.
        long[] flips = NestedFlips.positions(5, 2_000_000_000L, 1e-6);
        assertTrue(Math.abs(flips.length - 2000) < 5 * Math.sqrt(2000), "count " + flips.length);
    }

    @Test
    void positionsAreUniform() {
        int n = 1000;
        int bins = 10;
        long[] histogram = new long[bins];
        long total = 0;
        for (int key = 0; key < 200; key++) {
            for (long position : NestedFlips.positions(key, n, 0.05)) {
                histogram[(int) (position * bins / n)]++;
                total++;
            }
        }
        double expected = total / (double) bins;
        double chiSquare = 0;
        for (long observed : histogram) {
            chiSquare += (observed - expected) * (observed - expected) / expected;
        }
        // Chi-square with 9 degrees of freedom: P(X > 33.7) ≈ 1e-4.
        assertTrue(chiSquare < 33.7, "chi-square " + chiSquare + " for " + Arrays.toString(histogram));
    }

    @Test
    void setsAreNestedAcrossASweepAndSortedAndUnique() {
        for (int key = 0; key < 50; key++) {
            long[] previous = new long[0];
            for (double p : SWEEP) {
                long[] flips = NestedFlips.sortedPositions(key, 100_000, p);
                for (int i = 1; i < flips.length; i++) {
                    assertTrue(flips[i - 1] < flips[i], "sorted and unique");
                }
                for (long position : previous) {
                    assertTrue(Arrays.binarySearch(flips, position) >= 0, "flip " + position + " lost when raising p to " + p);
                }
                previous = flips;
            }
        }
    }

    @Test
    void aPointDoesNotDependOnTheRestOfTheSweep() {
        assertArrayEquals(NestedFlips.positions(9, 50_000, 1e-3), NestedFlips.positions(9, 50_000, 1e-3));
        long[] lower = NestedFlips.positions(9, 50_000, 1e-3);
        long[] higher = NestedFlips.positions(9, 50_000, 1e-2);
        assertArrayEquals(lower, java.util.Arrays.copyOf(higher, lower.length), "a lower p draws a prefix of a higher p's flips");
        long[] alone = NestedFlips.positions(9, 50_000, 3.3e-2);
        NestedFlips.positions(9, 50_000, 4e-2);
        assertArrayEquals(alone, NestedFlips.positions(9, 50_000, 3.3e-2));
        assertEquals(0, NestedFlips.positions(9, 50_000, 0).length);
        assertEquals(50_000, NestedFlips.positions(9, 50_000, 1.0).length);
    }

    @Test
    void neighbouringPositionsAreIndependent() {
        // P(both i and i+1 flipped) must be p², not more: the skip process must not cluster.
        double p = 0.2;
        int n = 100_000;
        long pairs = 0;
        long[] flips = NestedFlips.sortedPositions(3, n, p);
        for (int i = 1; i < flips.length; i++) {
            if (flips[i] == flips[i - 1] + 1) {
                pairs++;
            }
        }
        double expected = (n - 1) * p * p;
        assertTrue(Math.abs(pairs - expected) < 5 * Math.sqrt(expected), "adjacent pairs " + pairs + " vs " + expected);
    }

    @Test
    void badProbabilitiesAreRejected() {
        assertEquals("flip probability must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> NestedFlips.positions(1, 10, 1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NestedFlips.positions(1, 10, Double.NaN));
    }
}
