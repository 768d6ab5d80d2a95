package org.bnn.calibration.fit;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.bnn.runtime.random.KeyedRandom;

/**
 * Normality of a sample whose mean and standard deviation are estimated from itself: the
 * Kolmogorov–Smirnov statistic D of the standardized sample against N(0, 1) (Commons Statistics),
 * with the p-value of Lilliefors' test (Lilliefors, J. Am. Stat. Assoc. 62, 1967). The classical KS
 * p-value assumes parameters fixed in advance; with estimated ones the fitted normal hugs the
 * sample, D is smaller than under that assumption, and the classical p-value is far too large
 * (the test almost never rejects). Standardizing makes D's distribution under normality independent
 * of the true mean and σ, so it is simulated once per sample size from standard normal samples,
 * with a fixed seed: the same data always get the same p-value.
 */
public final class LillieforsTest {
    /** Simulated samples per sample size: the p-value's Monte-Carlo error is about 0.005 at p = 0.05. */
    public static final int REPLICATES = 1999;
    private static final long SEED = 0x4C696C6C6965L;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** Sorted simulated statistics per sample size: they depend on nothing else, so every test shares them. */
    private static final Map<Integer, double[]> NULL_STATISTICS = new ConcurrentHashMap<>();

    private LillieforsTest() {
    }

    /**
     * @param statistic the KS distance D between the standardized sample and N(0, 1)
     * @param pValue    the probability of a D at least this large if the sample is normal
     */
    public record Result(double statistic, double pValue) {
        /** Whether normality is rejected at significance {@code level} (e.g. 0.05). */
        public boolean rejects(double level) {
            return pValue < level;
        }
    }

    /** The test of {@code values} (at least 3, not all equal). */
    public static Result test(double[] values) {
        double statistic = statistic(values);
        double[] simulated = NULL_STATISTICS.computeIfAbsent(values.length, LillieforsTest::simulate);
        int below = 0; // the number of simulated statistics below D (they are sorted)
        int end = simulated.length;
        while (below < end) {
            int middle = (below + end) >>> 1;
            if (simulated[middle] < statistic) {
                below = middle + 1;
            } else {
                end = middle;
            }
        }
        int atLeast = simulated.length - below;
        return new Result(statistic, (1.0 + atLeast) / (simulated.length + 1.0));
    }

    /** D of the sample standardized by its own mean and standard deviation (n − 1 in the denominator). */
    static double statistic(double[] values) {
        int n = values.length;
        SampleMoments moments = SampleMoments.of(values);
        double sd = Math.sqrt(moments.variance());
        double[] standardized = new double[n];
        for (int i = 0; i < n; i++) {
            standardized[i] = (values[i] - moments.mean()) / sd;
        }
        return KolmogorovSmirnovTest.withDefaults().statistic(standardized, STANDARD_NORMAL::cumulativeProbability);
    }

    private static double[] simulate(int n) {
        long key = KeyedRandom.key(SEED, n);
        double[] statistics = new double[REPLICATES];
        double[] sample = new double[n];
        for (int replicate = 0; replicate < REPLICATES; replicate++) {
            long stream = KeyedRandom.key(key, replicate);
            for (int i = 0; i < n; i++) {
                sample[i] = KeyedRandom.gaussian(stream, i);
            }
            statistics[replicate] = statistic(sample);
        }
        Arrays.sort(statistics);
        return statistics;
    }
}
