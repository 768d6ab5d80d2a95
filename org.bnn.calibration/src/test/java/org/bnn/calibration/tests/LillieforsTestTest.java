package org.bnn.calibration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.bnn.calibration.fit.LillieforsTest;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;

/**
 * The normality test of ln R at the 5 % level the report uses: it rejects normal samples 5 % of the
 * time (where the classical KS p-value with estimated parameters almost never does), and it
 * rejects samples that are clearly not log-normal.
 */
class LillieforsTestTest {
    private static final double LEVEL = 0.05;
    private static final int SAMPLES = 400;
    private static final int N = 50;

    @Test
    void rejectsNormalSamplesAtTheStatedRate() {
        int rejected = 0;
        int classicalRejected = 0;
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] lnOhms = sample(sample, N, (key, i) -> Math.log(8e3) + 0.25 * KeyedRandom.gaussian(key, i));
            rejected += LillieforsTest.test(lnOhms).rejects(LEVEL) ? 1 : 0;
            classicalRejected += classicalPValue(lnOhms) < LEVEL ? 1 : 0;
        }
        // Two-sided exact binomial test at level 0.001: with 400 samples it rejects a true rate
        // outside about 1.5 %–8.5 %.
        double p = BinomialTest.withDefaults().test(SAMPLES, rejected, LEVEL).getPValue();
        assertTrue(p > 0.001, rejected + " of " + SAMPLES + " normal samples rejected at 5 %, binomial p = " + p);
        // Why not the classical p-value: it assumes the mean and σ were known beforehand.
        assertTrue(classicalRejected <= 2, "the classical KS p-value rejected " + classicalRejected + " of " + SAMPLES);
    }

    /**
     * Resistances uniform between 1 kOhm and 100 kOhm: ln R is skewed and bounded, far from normal.
     * The test's power grows with the sample: about 92 % of groups of 50 are rejected (367 of these
     * 400 samples), at least 95 % of groups of 100.
     */
    @Test
    void rejectsUniformResistances() {
        int rejected = 0;
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] lnOhms = sample(sample, 2 * N, (key, i) -> Math.log(1e3 + 99e3 * KeyedRandom.uniform(key, i)));
            rejected += LillieforsTest.test(lnOhms).rejects(LEVEL) ? 1 : 0;
        }
        assertTrue(rejected >= 0.95 * SAMPLES, "only " + rejected + " of " + SAMPLES + " uniform samples rejected");
    }

    @Test
    void theSameSampleGetsTheSamePValue() {
        double[] lnOhms = sample(7, N, (key, i) -> KeyedRandom.gaussian(key, i));
        LillieforsTest.Result first = LillieforsTest.test(lnOhms);
        assertEquals(first, LillieforsTest.test(lnOhms));
        assertEquals(KolmogorovSmirnovTest.withDefaults().statistic(standardized(lnOhms), STANDARD::cumulativeProbability),
                first.statistic(), 1e-15);
    }

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private interface Draw {
        double value(long key, int index);
    }

    private static double[] sample(int sample, int n, Draw draw) {
        long key = KeyedRandom.key(0xC0FFEE, sample);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = draw.value(key, i);
        }
        return values;
    }

    private static double classicalPValue(double[] values) {
        return KolmogorovSmirnovTest.withDefaults().test(standardized(values), STANDARD::cumulativeProbability).getPValue();
    }

    private static double[] standardized(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (values.length - 1));
        return java.util.Arrays.stream(values).map(v -> (v - mean) / sd).toArray();
    }
}
