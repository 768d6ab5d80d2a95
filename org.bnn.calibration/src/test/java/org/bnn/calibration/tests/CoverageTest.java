package org.bnn.calibration.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.inference.BinomialTest;
import org.bnn.calibration.fit.AgingFit;
import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.fit.LogNormalFit;
import org.bnn.calibration.measurements.MeasurementsCsv;
import org.bnn.calibration.synthetic.SyntheticMeasurements;
import org.bnn.calibration.synthetic.SyntheticMeasurements.Truth;
import org.bnn.runtime.device.LogNormal;
import org.junit.jupiter.api.Test;

/**
 * The 95 % intervals cover the generating values 95 % of the time: over 200 seeded synthetic data
 * sets shaped like the shipped one (12 groups of 50, 4 series of 3 times each), the number of
 * intervals that cover must be consistent with 95 % by a two-sided exact binomial test at level
 * 0.001. With 2,400 intervals of median and σ that rejects a true coverage outside about 93.5–96.5 %;
 * with 800 of drift and growth, outside about 92.5–97.5 %.
 */
class CoverageTest {
    private static final int DATA_SETS = 200;
    private static final double CONFIDENCE = 0.95;
    private static final double TEST_LEVEL = 0.001;

    @Test
    void intervalsCoverTheGeneratingValuesAtTheirNominalRate() throws Exception {
        int groups = 0;
        int medians = 0;
        int sigmas = 0;
        int series = 0;
        int drifts = 0;
        int growths = 0;
        for (int set = 0; set < DATA_SETS; set++) {
            long seed = 1000 + set;
            Calibration calibration = Calibration.of(
                    MeasurementsCsv.parse("set" + seed, SyntheticMeasurements.csv(seed, SyntheticMeasurements.DEVICES)), CONFIDENCE);
            for (LogNormalFit fit : calibration.fits()) {
                LogNormal truth = ShippedMeasurementsTest.truth(fit.group().key()).at(fit.group().key().seconds());
                groups++;
                medians += fit.median().contains(truth.medianOhms()) ? 1 : 0;
                sigmas += fit.sigma().contains(truth.sigma()) ? 1 : 0;
            }
            for (AgingFit aging : calibration.aging()) {
                Truth truth = ShippedMeasurementsTest.truth(aging.series());
                series++;
                drifts += aging.drift().slopeInterval(CONFIDENCE).contains(truth.drift()) ? 1 : 0;
                growths += aging.growth().slopeInterval(CONFIDENCE).contains(truth.growth()) ? 1 : 0;
            }
        }
        assertCoverage("median", medians, groups);
        assertCoverage("sigma", sigmas, groups);
        assertCoverage("drift", drifts, series);
        assertCoverage("sigma growth", growths, series);
    }

    private static void assertCoverage(String what, int covered, int intervals) {
        double p = BinomialTest.withDefaults().test(intervals, covered, CONFIDENCE).getPValue();
        String message = what + ": " + covered + " of " + intervals + " intervals cover (" + 100.0 * covered / intervals
                + " %), binomial p = " + p;
        System.out.println(message);
        assertTrue(p > TEST_LEVEL, message);
    }
}
