package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.errors.MarginSampler;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The margin drawn as one normal has the distribution of ln R_BLb − ln R_BL drawn as two
 * resistances by {@link CellSampler}, for every pair of end states (intact either way, stuck
 * LRS/LRS, stuck HRS/HRS): a two-sample Kolmogorov–Smirnov test at α = 0.001 on 100,000 cells each.
 */
class MarginEquivalenceTest {
    private static final int CELLS = 100_000;
    /** c(α) for α = 0.001 in D &gt; c(α)·√((n + m)/(n·m)). */
    private static final double KS_COEFFICIENT = 1.949;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Presets.NOMINAL, "nominal, intact +1", StuckAt.NONE, true),
                Arguments.of(Presets.ULTRA_LOW, "ultra-low, intact -1", StuckAt.NONE, false),
                Arguments.of(Presets.VERY_LOW, "very-low, stuck LRS/LRS", new StuckAt(1, 0), true),
                Arguments.of(Presets.LOW, "low, stuck HRS/HRS", new StuckAt(0, 1), false));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void oneNormalIsDistributedLikeTwoResistances(RegimeSpec regime, String pair, StuckAt stuckAt, boolean weight) {
        CellSampler cells = new CellSampler(regime, stuckAt);
        MarginSampler margins = new MarginSampler(regime, Presets.SENSE_AMP, stuckAt, new TileFolding(32, 32));
        long chipKey = KeyedRandom.key(99, pair.hashCode());
        long normalKey = KeyedRandom.key(98, pair.hashCode());
        double[] twoResistances = new double[CELLS];
        double[] oneNormal = new double[CELLS];
        for (int c = 0; c < CELLS; c++) {
            twoResistances[c] = cells.lnR(chipKey, c, true, weight) - cells.lnR(chipKey, c, false, weight);
            boolean blLow = cells.endsLow(chipKey, CellSampler.twoTwoRDevice(c, false), weight);
            boolean blbLow = cells.endsLow(chipKey, CellSampler.twoTwoRDevice(c, true), !weight);
            oneNormal[c] = margins.bitLineDifference(blLow, blbLow, KeyedRandom.gaussian(normalKey, c));
        }
        double d = kolmogorovSmirnov(twoResistances, oneNormal);
        double critical = KS_COEFFICIENT * Math.sqrt(2.0 / CELLS);
        String figures = String.format("%s: KS D = %.5f, critical %.5f (alpha 0.001)", pair, d, critical);
        System.out.println(figures);
        assertTrue(d < critical, figures);
    }

    private static double kolmogorovSmirnov(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double largest = 0;
        while (i < x.length && j < y.length) {
            double next = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= next) {
                i++;
            }
            while (j < y.length && y[j] <= next) {
                j++;
            }
            largest = Math.max(largest, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return largest;
    }
}
