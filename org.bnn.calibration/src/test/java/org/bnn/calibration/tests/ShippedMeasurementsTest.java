package org.bnn.calibration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.calibration.fit.AgingFit;
import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.fit.LogNormalFit;
import org.bnn.calibration.measurements.GroupKey;
import org.bnn.calibration.measurements.MeasurementsCsv;
import org.bnn.calibration.synthetic.SyntheticMeasurements;
import org.bnn.calibration.synthetic.SyntheticMeasurements.Truth;
import org.bnn.runtime.device.LogNormal;
import org.junit.jupiter.api.Test;

/** The shipped example examples/reliability/cells.csv: reproducible, and its fit recovers what generated it. */
class ShippedMeasurementsTest {
    private static final Path CELLS = Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples/reliability/cells.csv");

    @Test
    void theShippedFileIsWhatItsGeneratorWrites() throws Exception {
        assertEquals(SyntheticMeasurements.csv(SyntheticMeasurements.SEED, SyntheticMeasurements.DEVICES), Files.readString(CELLS),
                "examples/reliability/cells.csv must be the output of examples/reliability/make-cells.sh");
        assertTrue(Files.readString(CELLS).startsWith("# SYNTHETIC data, not measurements"));
    }

    /**
     * 12 groups give 24 intervals for median and σ and 4 series 8 for drift and growth: at 95 % each,
     * some would miss by chance (all 24 cover with probability 0.95^24 = 0.29). So every generating
     * value must lie in its Bonferroni-simultaneous interval (each at 1 − 0.05/24, resp. 1 − 0.05/8:
     * all cover with probability at least 95 %), and the 95 % intervals may miss no more often than
     * the binomial tail allows.
     */
    @Test
    void theFitRecoversTheGeneratingParametersWithinTheirConfidenceIntervals() throws Exception {
        Calibration simultaneous = Calibration.of(MeasurementsCsv.read(CELLS), 1 - 0.05 / 24);
        assertEquals(12, simultaneous.fits().size());
        for (LogNormalFit fit : simultaneous.fits()) {
            GroupKey key = fit.group().key();
            LogNormal truth = truth(key).at(key.seconds());
            assertTrue(fit.median().contains(truth.medianOhms()),
                    key.describe() + ": median " + truth.medianOhms() + " not in " + fit.median());
            assertTrue(fit.sigma().contains(truth.sigma()), key.describe() + ": sigma " + truth.sigma() + " not in " + fit.sigma());
        }
        Calibration aging = Calibration.of(MeasurementsCsv.read(CELLS), 0.95);
        assertEquals(4, aging.aging().size());
        for (AgingFit series : aging.aging()) {
            Truth truth = truth(series.series());
            assertEquals(1.0, series.t0Seconds());
            assertTrue(series.drift().slopeInterval(1 - 0.05 / 8).contains(truth.drift()), series.series().describe() + " drift");
            assertTrue(series.growth().slopeInterval(1 - 0.05 / 8).contains(truth.growth()), series.series().describe() + " growth");
        }
        int misses = 0;
        for (LogNormalFit fit : aging.fits()) {
            LogNormal truth = truth(fit.group().key()).at(fit.group().key().seconds());
            misses += (fit.median().contains(truth.medianOhms()) ? 0 : 1) + (fit.sigma().contains(truth.sigma()) ? 0 : 1);
        }
        // P(Binomial(24, 0.05) >= 5) = 0.007: more misses would say the 95 % intervals are too narrow.
        assertTrue(misses <= 4, misses + " of 24 intervals at 95 % miss the generating value");
    }

    static Truth truth(GroupKey key) {
        List<Truth> matching = SyntheticMeasurements.TRUTH.stream()
                .filter(truth -> truth.regime().equals(key.regime()) && truth.state() == key.state()).toList();
        assertEquals(1, matching.size(), key.describe());
        return matching.get(0);
    }
}
