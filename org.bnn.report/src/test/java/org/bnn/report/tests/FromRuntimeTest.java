package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.report.Report;
import org.bnn.report.ReportFormat;
import org.bnn.report.ReportWriter;
import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.data.FromRuntime;
import org.bnn.report.data.RegimeRow;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ExperimentInputs;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.experiment.TrialStatistics;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The adapter from the simulator's results, and a report built from a real sweep and estimate. */
class FromRuntimeTest {
    /** The nominal regime of the illustrative presets (examples/lib/illustrative-hw.bnn; engineering estimates, not measurements). */
    private static final RegimeSpec NOMINAL = new RegimeSpec("nominal", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.80),
            Pulse.of(1.8, 100e-6, 500e-9), Pulse.of(1.8, 100e-6, 500e-9), 1e7);
    /** 25 fJ per sense, 20 fJ per popcount input bit, 0.2 pJ per compare (illustrative, examples/lib/illustrative-hw.bnn); no buffer energy. */
    private static final TileSpec TILE = TileSpec.builder("T32", 32, 32).device(new DeviceSpec("hfo2", "", List.of(NOMINAL), StuckAt.NONE))
            .sense(new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9)).popcountEnergy(20e-15).build();
    private static final ChipSpec CHIP = ChipSpec.builder("Demo", 100, TILE).clock(100e6).thresholdEnergy(0.2e-12).build();
    private static final NetworkSpec NETWORK = NetworkSpec.builder("N", "x", 200).dense("h", 100).output("o", 10).build();
    private static final MappingSpec MAPPING = new MappingSpec("M", NETWORK, CHIP, Optional.of("nominal"), Map.of(), false);

    private static List<SweepPoint> sweep() {
        ExperimentSpec spec = new ExperimentSpec("E", MAPPING, new InputSource.Random(200), ErrorSpec.weightLevel(Resampling.PER_CHIP),
                new SweepSpec.Ber(List.of(0.0, 1e-2, 1e-1)), 3, 7, Optional.empty(), Optional.empty());
        ExperimentInputs data = ExperimentInputs.load(spec, Path.of(""));
        return new ExperimentRunner(2).run(spec, data.network(), data.inputs(), Optional.empty());
    }

    @Test
    void sweepPointsAndRowsKeepEveryStatistic() {
        List<SweepPoint> points = sweep();
        BerSeries series = FromRuntime.series("plain", points);
        assertEquals(3, series.points().size());
        for (int i = 0; i < points.size(); i++) {
            TrialStatistics expected = points.get(i).agreement(); // random inputs: no labels, the metric is agreement
            BerPoint actual = series.points().get(i);
            assertEquals(points.get(i).ber(), actual.ber());
            assertEquals(expected.mean(), actual.mean());
            assertEquals(expected.standardDeviation(), actual.standardDeviation());
            assertEquals(expected.confidence95(), actual.confidence95());
            assertArrayEquals(expected.perTrial(), actual.perTrial());
            SweepReport.Row row = new SweepReport.Row("m", "p", points.get(i).ber(), expected.mean(), expected.standardDeviation(),
                    expected.confidence95(), expected.perTrial(), null, null, null, null, null);
            assertEquals(actual, FromRuntime.point(row));
        }
        // Statistics computed from trials use the simulator's formulas (Student t for the interval).
        SweepPoint fromSimulator = new SweepPoint("m", "0.01", 0.01, new TrialStatistics(new double[] {1, 1, 1, 1}),
                Optional.of(new TrialStatistics(new double[] {0.9, 0.8, 0.7, 0.6})), OptionalDouble.empty());
        assertEquals(FromRuntime.point(fromSimulator), BerPoint.ofTrials(0.01, 0.9, 0.8, 0.7, 0.6));
    }

    @Test
    void energyBreakdownIsTheEstimatorsPerLayerEnergy() {
        MappingEstimate estimate = Estimator.estimate(MAPPING);
        EnergyBreakdown energy = FromRuntime.energy(estimate);
        assertEquals(List.of("h", "o"), energy.layers().stream().map(EnergyBreakdown.LayerEnergy::layer).toList());
        for (int i = 0; i < energy.layers().size(); i++) {
            assertEquals(estimate.layers().get(i).energy().joules(), energy.layers().get(i).joules());
        }
        assertEquals(estimate.energy().totalJoules(), energy.totalJoules(), 1e-12 * estimate.energy().totalJoules());
        assertEquals(estimate.energy().missing(), energy.notEstimated());
    }

    @Test
    void regimeRowTakesEnduranceAndEnergiesFromTheEstimate() {
        MappingEstimate estimate = Estimator.estimate(MAPPING);
        BerPoint accuracy = BerPoint.ofTrials(1e-4, 0.97, 0.96, 0.98);
        RegimeRow row = FromRuntime.regimeRow(estimate, 1e-4, accuracy);
        assertEquals(new RegimeRow("nominal", 1e-4, accuracy.mean(), accuracy.standardDeviation(),
                estimate.programming().orElseThrow().energyJoules(), 1e7, estimate.energy().totalJoules()), row);
        // 2T2R: one SET + one RESET pulse of 1.8 V × 100 µA × 500 ns = 90 pJ each, per weight (200·100 + 100·10 weights).
        assertEquals(21_000 * 2 * 90e-12, row.programmingEnergyJoules(), 1e-15);
        MappingEstimate noRegime = Estimator.estimate(new MappingSpec("plain", NETWORK, CHIP));
        assertEquals("mapping plain names no regime: a regime row needs one",
                assertThrows(IllegalArgumentException.class, () -> FromRuntime.regimeRow(noRegime, 1e-4, accuracy)).getMessage());
    }

    @Test
    void aReportFromASweepAndAnEstimate(@TempDir Path folder) throws Exception {
        JsonNode description = FromRuntime.description(MAPPING);
        assertEquals("M", description.get("name").asText());
        assertEquals(2, description.get("network").get("layers").size());
        List<SweepPoint> points = sweep();
        MappingEstimate estimate = Estimator.estimate(MAPPING);
        Report report = Report.builder("N on Demo").quantity("Agreement with the error-free chip").description(description)
                .seed("experiment", 7).series(FromRuntime.series("plain", points)).energy(FromRuntime.energy(estimate))
                .regime(FromRuntime.regimeRow(estimate, 1e-2, FromRuntime.point(points.get(1)))).build();
        List<Path> files = new ReportWriter(ReportFormat.ALL).write(report, folder);
        assertEquals(10, files.size());
        List<String> csv = Files.readAllLines(folder.resolve("accuracy-vs-ber.csv"));
        assertEquals(List.of("series,ber,mean,std,ci95_half_width,trials", "plain,0.0,1.0,0.0,0.0,3"), csv.subList(0, 2));
        assertEquals(4, csv.size());
        assertEquals(1 + 3 * 3, Files.readAllLines(folder.resolve("accuracy-vs-ber-trials.csv")).size());
    }
}
