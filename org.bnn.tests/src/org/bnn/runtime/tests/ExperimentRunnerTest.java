package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bnn.report.ExperimentReport;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ExperimentInputs;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.experiment.TrialStatistics;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
    private static final NetworkSpec NETWORK = NetworkSpec.builder("N", "x", 200).dense("h", 100).output("o", 10).build();
    private static final MappingSpec MAPPING = new MappingSpec("M", NETWORK,
            new ChipSpec("C", 100, new TileSpec("T", 32, 32, new CellTechnology.TwoTransistorTwoResistor())));

    private static ExperimentSpec experiment(ErrorSpec errors, SweepSpec sweep) {
        return new ExperimentSpec("E", MAPPING, new InputSource.Random(300), errors, sweep, 4, 7, Optional.empty(), Optional.empty());
    }

    private static List<SweepPoint> run(ExperimentSpec spec, int threads, Optional<int[]> labels) {
        ExperimentInputs data = ExperimentInputs.load(spec, Path.of(""));
        return new ExperimentRunner(threads).run(spec, data.network(), data.inputs(), labels);
    }

    @Test
    void noErrorsAgreeFullyAndResultsDoNotDependOnThreads() {
        ExperimentSpec spec = experiment(ErrorSpec.weightLevel(Resampling.PER_CHIP), new SweepSpec.Ber(List.of(0.0, 1e-3, 1e-2, 0.1)));
        List<SweepPoint> one = run(spec, 1, Optional.empty());
        assertEquals(one, run(spec, 3, Optional.empty()));
        assertArrayEquals(new double[] {1, 1, 1, 1}, one.get(0).agreement().perTrial());
        assertEquals(List.of("0", "0.001", "0.01", "0.1"), one.stream().map(SweepPoint::label).toList());
        assertTrue(one.get(3).metric().mean() < one.get(1).metric().mean(), "BER 0.1 disturbs more than 1e-3: " + one);
        assertTrue(one.get(0).accuracy().isEmpty(), "random inputs have no labels");
    }

    @Test
    void popcountDomainRunsSayItInTheTableAndTheReport(@TempDir Path folder) throws Exception {
        ExperimentSpec spec = new ExperimentSpec("E", MAPPING, new InputSource.Random(300),
                new ErrorSpec(ErrorLevel.WEIGHT, Resampling.PER_INFERENCE, List.of(), Sampling.POPCOUNT_DOMAIN),
                new SweepSpec.Ber(List.of(0.0, 0.05)), 4, 7, Optional.empty(),
                Optional.of(new ReportSpec("r", Set.of(ReportSpec.ReportFormat.MD))));
        List<SweepPoint> points = run(spec, 2, Optional.empty());
        assertEquals(points, run(spec, 1, Optional.empty()), "keyed draws: the same at any thread count");
        String table = SweepReport.table(spec, points);
        assertTrue(table.startsWith("experiment E: 300 random inputs x 4 trials, per-inference weight-level errors sampled in the "
                + "popcount domain (exact in distribution, not bit-identical where counts are drawn), seed 7"), table);
        ExperimentReport.write(spec, points, folder);
        String page = Files.readString(folder.resolve("report.md"));
        assertTrue(page.startsWith("# E (M), errors sampled in the popcount domain\n"), page);
    }

    @Test
    void accuracyCountsPredictionsEqualToTheLabels() {
        ExperimentSpec spec = experiment(ErrorSpec.weightLevel(Resampling.PER_CHIP), new SweepSpec.Ber(List.of(0.0)));
        ExperimentInputs data = ExperimentInputs.load(spec, Path.of(""));
        int[] clean = new int[data.inputs().length];
        for (int n = 0; n < clean.length; n++) {
            clean[n] = data.network().predict(data.inputs()[n]);
        }
        int[] labels = clean.clone();
        for (int n = 0; n < 75; n++) {
            labels[n] = (labels[n] + 1) % 10; // a quarter of the labels disagree with the chip
        }
        SweepPoint point = new ExperimentRunner(2).run(spec, data.network(), data.inputs(), Optional.of(labels)).get(0);
        assertArrayEquals(new double[] {0.75, 0.75, 0.75, 0.75}, point.accuracy().orElseThrow().perTrial());
        assertEquals(1.0, point.agreement().mean());
    }

    @Test
    void layerSweepPutsErrorsInOneLayerAtATime() {
        ExperimentSpec spec = experiment(ErrorSpec.weightLevel(Resampling.PER_CHIP), new SweepSpec.Layers(0.2));
        List<SweepPoint> points = run(spec, 2, Optional.empty());
        assertEquals(List.of("h", "o"), points.stream().map(SweepPoint::label).toList());
        // Errors in "o" alone equal a BER sweep with errors only in "o": same keys, same flips.
        ExperimentSpec onlyOut = experiment(new ErrorSpec(ErrorLevel.WEIGHT, Resampling.PER_CHIP, List.of("o")),
                new SweepSpec.Ber(List.of(0.2)));
        assertEquals(run(onlyOut, 1, Optional.empty()).get(0).agreement(), points.get(1).agreement());
    }

    @Test
    void regimeSweepsRunAtBothLevels() {
        RegimeSpec strong = new RegimeSpec("strong", new LogNormal(5e3, 0.1), new LogNormal(200e3, 0.3), Pulse.of(2, 200e-6, 1e-6),
                Pulse.of(2, 200e-6, 1e-6), 1e6);
        RegimeSpec weak = new RegimeSpec("weak", new LogNormal(20e3, 0.5), new LogNormal(60e3, 0.9), Pulse.of(1.5, 30e-6, 100e-9),
                Pulse.of(1.5, 30e-6, 100e-9), 1e9);
        TileSpec tile = TileSpec.builder("T", 32, 32).device(new DeviceSpec("D", "", List.of(strong, weak), StuckAt.NONE))
                .sense(new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9)).build();
        MappingSpec mapping = new MappingSpec("M", NETWORK, new ChipSpec("C", 100, tile), Optional.of("strong"), Map.of(), false);
        for (ErrorLevel level : ErrorLevel.values()) {
            ExperimentSpec spec = new ExperimentSpec("E", mapping, new InputSource.Random(200),
                    new ErrorSpec(level, Resampling.PER_CHIP, List.of()), new SweepSpec.Regimes(List.of("strong", "weak")), 3, 5,
                    Optional.empty(), Optional.empty());
            List<SweepPoint> points = run(spec, 2, Optional.empty());
            assertEquals(List.of("strong", "weak"), points.stream().map(SweepPoint::label).toList());
            assertTrue(points.get(0).ber() < points.get(1).ber(), level + ": the weak regime errs more: " + points);
            assertTrue(points.get(0).agreement().mean() > points.get(1).agreement().mean(), level + ": " + points);
        }
    }

    @Test
    void statisticsAreTheSampleMeanStdAndStudentInterval() {
        TrialStatistics statistics = new TrialStatistics(new double[] {0.9, 0.8, 0.7, 0.6});
        assertEquals(0.75, statistics.mean(), 1e-12);
        assertEquals(Math.sqrt(0.05 / 3), statistics.standardDeviation(), 1e-12);
        assertEquals(3.182 * Math.sqrt(0.05 / 3) / 2, statistics.confidence95(), 1e-12); // t(0.975, 3 df) = 3.182
    }

    @Test
    void impossibleExperimentsAreRejectedWithTheReason() {
        assertEquals("SweepSpec.Ber.points must be ascending, got 0.01 then 0.001",
                assertThrows(IllegalArgumentException.class, () -> new SweepSpec.Ber(List.of(0.01, 0.001))).getMessage());
        assertEquals("SweepSpec.Ber.points[0] must be in [0, 0.5], got 0.7",
                assertThrows(IllegalArgumentException.class, () -> new SweepSpec.Ber(List.of(0.7))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> experiment(
                new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_CHIP, List.of()), new SweepSpec.Ber(List.of(0.01)))).getMessage()
                .contains("sweeps BER at device level"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_INFERENCE,
                List.of())).getMessage().contains("cannot use resampling PER_INFERENCE"));
        assertEquals("ExperimentSpec(E).errors names layer x, which is not a layer with weights of network N",
                assertThrows(IllegalArgumentException.class, () -> experiment(new ErrorSpec(ErrorLevel.WEIGHT, Resampling.PER_CHIP,
                        List.of("x")), new SweepSpec.Ber(List.of(0.01)))).getMessage());
    }

    @Test
    void reportsHoldTheResolvedExperimentAndTheResults(@TempDir Path folder) throws Exception {
        ExperimentSpec spec = new ExperimentSpec("E", MAPPING, new InputSource.Random(300), ErrorSpec.weightLevel(Resampling.PER_INFERENCE),
                new SweepSpec.Ber(List.of(0.0, 0.05)), 4, 7, Optional.empty(),
                Optional.of(new ReportSpec("r", Set.of(ReportSpec.ReportFormat.CSV, ReportSpec.ReportFormat.JSON))));
        List<SweepPoint> points = run(spec, 2, Optional.empty());
        SweepReport.write(folder, "bnn test", spec, points);
        List<String> csv = Files.readAllLines(folder.resolve("sweep.csv"));
        assertEquals("point,ber,trials,mean_accuracy,accuracy_std,accuracy_ci95,mean_agreement,agreement_std,agreement_ci95", csv.get(0));
        assertEquals("0,0.0,4,,,,1.0,0.0,0.0", csv.get(1));
        SweepReport.Results results = SpecJson.read(Files.readString(folder.resolve("sweep.json")), SweepReport.Results.class);
        assertEquals(spec, results.experiment());
        assertEquals(points.get(1).agreement().mean(), results.points().get(1).meanAgreement(), 0);
        assertTrue(Files.readString(folder.resolve("sweep.md")).contains("| 0.05 | 5.0e-02 |"),
                Files.readString(folder.resolve("sweep.md")));
        String again = Files.readString(folder.resolve("sweep.json"));
        SweepReport.write(folder, "bnn test", spec, run(spec, 1, Optional.empty()));
        assertEquals(again, Files.readString(folder.resolve("sweep.json")), "same run, same bytes");
    }

    @Test
    void networksWithoutWeightsUseTheSeededRandomOnes() {
        ExperimentSpec spec = experiment(ErrorSpec.weightLevel(Resampling.PER_CHIP), new SweepSpec.Ber(List.of(0.0)));
        BinaryNetwork expected = RandomNetworks.create(NETWORK, 7);
        ExperimentInputs data = ExperimentInputs.load(spec, Path.of(""));
        assertEquals(expected.weights(0), data.network().weights(0));
    }
}
