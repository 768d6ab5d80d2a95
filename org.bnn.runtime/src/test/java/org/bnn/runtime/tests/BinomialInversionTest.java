package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.bnn.runtime.random.Binomial;
import org.bnn.runtime.random.BinomialInversion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The precomputed inversion answers exactly what {@link Binomial#inverse} answers — the flip counts
 * of every sweep depend on it — for u across the bulk, deep in both tails and at the edges of [0, 1),
 * for walks from 0, walks from the mode, and distributions wider than the table (where the walk answers).
 */
class BinomialInversionTest {
    private static final double[] EDGES = {0, Double.MIN_VALUE, 1e-300, 1e-17, 1e-12, 1e-6, 0.5, 1 - 1e-6, 1 - 1e-12,
        1 - 1e-16, Math.nextDown(1.0)};

    @ParameterizedTest
    @CsvSource({"1, 0.5", "7, 1e-9", "10, 0.999", "784, 1e-3", "10240, 1e-3", "802816, 1e-4", "1048576, 1e-3",
        "1048576, 3.3e-2", "1048576, 0.5", "30000000, 1e-2", "4000000000, 0.5", "5000, 0.97"})
    void equalsTheWalkForEveryU(long n, double p) {
        BinomialInversion table = BinomialInversion.of(n, p);
        boolean wide = n * p * (1 - p) > 1e6;
        for (double u : EDGES) {
            assertEquals(Binomial.inverse(u, n, p), table.inverse(u), () -> "n = " + n + ", p = " + p + ", u = " + u);
        }
        SplittableRandom random = new SplittableRandom(n ^ Double.doubleToLongBits(p));
        int draws = wide ? 40 : 2000; // the walk itself is slow for wide distributions
        for (int i = 0; i < draws; i++) {
            double v = random.nextDouble();
            double u = switch (i % 3) {
                case 0 -> v;
                case 1 -> Math.pow(v, 40); // the lower tail
                default -> Math.min(Math.nextDown(1.0), 1 - Math.pow(v, 40)); // the upper tail
            };
            assertEquals(Binomial.inverse(u, n, p), table.inverse(u), () -> "n = " + n + ", p = " + p + ", u = " + u);
        }
    }

    @Test
    void rejectsWhatNeedsNoTable() {
        assertThrows(IllegalArgumentException.class, () -> BinomialInversion.of(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BinomialInversion.of(10, 0));
        assertThrows(IllegalArgumentException.class, () -> BinomialInversion.of(10, 1));
        assertThrows(IllegalArgumentException.class, () -> BinomialInversion.of(10, 0.5).inverse(1.0));
        assertThrows(IllegalArgumentException.class, () -> BinomialInversion.of(10, 0.5).inverse(Double.NaN));
    }
}
