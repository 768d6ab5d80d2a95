package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.BerSweep;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.CellKind;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BerSweepTest {
    private static final MappingSpec MAPPING = new MappingSpec("M",
            NetworkSpec.builder("N", "x", 200).dense("h", 100).output("o", 10).build(),
            new ChipSpec("C", 100, new TileSpec("T", 32, 32, CellKind.TWO_T_TWO_R)));

    private static ExperimentSpec experiment(Resampling resampling, List<Double> points) {
        return new ExperimentSpec("E", MAPPING, 300, resampling, points, 4, 7, Optional.empty());
    }

    @Test
    void noErrorsAgreeFullyAndResultsDoNotDependOnThreads() {
        ExperimentSpec spec = experiment(Resampling.PER_CHIP, List.of(0.0, 1e-3, 1e-2, 0.1));
        List<SweepPoint> one = new BerSweep(1).run(spec);
        List<SweepPoint> three = new BerSweep(3).run(spec);
        assertEquals(one, three);
        assertArrayEquals(new double[] {1, 1, 1, 1}, one.get(0).agreementPerTrial());
        assertEquals(0, one.get(0).standardDeviation());
        assertTrue(one.get(3).mean() < one.get(1).mean(), "BER 0.1 disturbs more than 1e-3: " + one);
    }

    @Test
    void statisticsAreTheSampleMeanStdAndStudentInterval() {
        SweepPoint point = new SweepPoint(0.01, new double[] {0.9, 0.8, 0.7, 0.6});
        assertEquals(0.75, point.mean(), 1e-12);
        assertEquals(Math.sqrt(0.05 / 3), point.standardDeviation(), 1e-12);
        assertEquals(3.182 * Math.sqrt(0.05 / 3) / 2, point.confidence95(), 1e-12); // t(0.975, 3 df) = 3.182
    }

    @Test
    void sweepsMustBeAscendingBerValues() {
        assertEquals("ExperimentSpec(E).berPoints must be ascending, got 0.01 then 0.001",
                assertThrows(IllegalArgumentException.class, () -> experiment(Resampling.PER_CHIP, List.of(0.01, 0.001))).getMessage());
        assertEquals("ExperimentSpec(E).berPoints[0] must be in [0, 0.5], got 0.7",
                assertThrows(IllegalArgumentException.class, () -> experiment(Resampling.PER_CHIP, List.of(0.7))).getMessage());
    }

    @Test
    void reportsHoldTheResolvedExperimentAndTheResults(@TempDir Path folder) throws Exception {
        ExperimentSpec spec = experiment(Resampling.PER_INFERENCE, List.of(0.0, 0.05));
        List<SweepPoint> points = new BerSweep(2).run(spec);
        SweepReport.write(folder, "bnn test", spec, points);
        List<String> csv = Files.readAllLines(folder.resolve("sweep.csv"));
        assertEquals("ber,mean_agreement,std,ci95_half_width,trials", csv.get(0));
        assertTrue(csv.get(1).startsWith("0.0,1.0,0.0,0.0,4"), csv.get(1));
        SweepReport.Results results = SpecJson.read(Files.readString(folder.resolve("sweep.json")), SweepReport.Results.class);
        assertEquals(spec, results.experiment());
        assertEquals(points.get(1).mean(), results.points().get(1).meanAgreement(), 0);
    }
}
