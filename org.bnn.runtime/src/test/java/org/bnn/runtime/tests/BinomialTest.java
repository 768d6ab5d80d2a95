package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.bnn.runtime.random.Binomial;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binomial inversion: exact against a CDF computed in decimal arithmetic, monotone in p. */
class BinomialTest {
    private static final MathContext PRECISION = new MathContext(40);

    /**
     * For every k, u just below CDF(k) must give k and u just above must give k + 1; the CDF is
     * summed in 40-digit decimals, so this checks the walk from 0 and the walks from the mode,
     * including the saddle-point probability at the mode, to 1e-12.
     */
    @ParameterizedTest
    @CsvSource({"20, 0.3", "200, 0.01", "1000, 0.5", "5000, 0.2", "100000, 0.01", "3000, 0.97"})
    void inverseMatchesTheExactDistribution(int n, double p) {
        BigDecimal odds = new BigDecimal(p).divide(BigDecimal.ONE.subtract(new BigDecimal(p)), PRECISION);
        BigDecimal[] pmf = new BigDecimal[n + 1];
        pmf[0] = BigDecimal.ONE.subtract(new BigDecimal(p)).pow(n, PRECISION);
        for (int k = 0; k < n; k++) {
            pmf[k + 1] = pmf[k].multiply(odds, PRECISION).multiply(BigDecimal.valueOf(n - k))
                    .divide(BigDecimal.valueOf(k + 1), PRECISION);
        }
        BigDecimal cdf = BigDecimal.ZERO;
        int checked = 0;
        for (int k = 0; k < n; k++) {
            cdf = cdf.add(pmf[k], PRECISION);
            double value = cdf.doubleValue();
            // u is offset by 1e-12 (absolute: a sampler's u has a resolution of 2^-53 ≈ 1e-16), so
            // only boundaries whose neighbouring probabilities exceed that can be checked.
            if (pmf[k].doubleValue() > 2e-12 && pmf[k + 1].doubleValue() > 2e-12) {
                assertEquals(k, Binomial.inverse(value - 1e-12, n, p), "u just below CDF(" + k + ")");
                assertEquals(k + 1, Binomial.inverse(value + 1e-12, n, p), "u just above CDF(" + k + ")");
                checked++;
            }
        }
        assertTrue(checked >= 5, "only " + checked + " values of k checked");
    }

    @Test
    void countsNeverDecreaseAsPGrows() {
        double[] sweep = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 4e-2, 1e-1, 0.5, 0.9};
        for (int draw = 0; draw < 2000; draw++) {
            double u = KeyedRandom.uniform(11, draw);
            long previous = 0;
            for (double p : sweep) {
                long count = Binomial.inverse(u, 1_048_576, p);
                assertTrue(count >= previous, "u = " + u + ": " + count + " flips at p = " + p + " after " + previous);
                previous = count;
            }
        }
    }

    @Test
    void largeMeansHaveTheRightMoments() {
        long n = 3_000_000_000L;
        double p = 0.05; // mean 1.5e8: far beyond the walk from 0
        int draws = 2000;
        double sum = 0;
        double sumSquares = 0;
        for (int draw = 0; draw < draws; draw++) {
            double count = Binomial.inverse(KeyedRandom.uniform(3, draw), n, p);
            sum += count;
            sumSquares += count * count;
        }
        double mean = sum / draws;
        double variance = sumSquares / draws - mean * mean;
        double expectedVariance = n * p * (1 - p);
        assertTrue(Math.abs(mean - n * p) < 5 * Math.sqrt(expectedVariance / draws), "mean " + mean);
        assertTrue(Math.abs(variance / expectedVariance - 1) < 5 * Math.sqrt(2.0 / draws), "variance " + variance);
    }

    /**
     * u beyond what the summed tails can resolve (0, or the largest double below 1) ends where the
     * terms stop counting, near the distribution: the walk used to go on to ~n/3 or ~2n/3, where the
     * smallest subnormal probability finally rounds to 0 — millions of steps, and a meaningless count.
     */
    @Test
    void unresolvableTailsEndNearTheDistribution() {
        long n = 40_000_000L;
        double sigma = Math.sqrt(n * 0.25);
        long low = Binomial.inverse(0, n, 0.5);
        long high = Binomial.inverse(Math.nextDown(1.0), n, 0.5);
        assertTrue(low < n / 2 && n / 2 - low < 40 * sigma, "lower end " + low);
        assertTrue(high > n / 2 && high - n / 2 < 40 * sigma, "upper end " + high);
    }

    @Test
    void edgesAndBadArguments() {
        assertEquals(0, Binomial.inverse(0.999, 100, 0));
        assertEquals(100, Binomial.inverse(0.0, 100, 1));
        assertEquals(0, Binomial.inverse(0.5, 0, 0.3));
        assertEquals("p must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Binomial.inverse(0.5, 10, 1.5)).getMessage());
        assertEquals("u must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Binomial.inverse(1.0, 10, 0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Binomial.inverse(0.5, -1, 0.5));
    }
}
