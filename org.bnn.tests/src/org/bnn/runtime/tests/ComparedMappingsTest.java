package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.bnn.report.ExperimentReport;
import org.bnn.report.table.ComparisonCsv;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.ecc.Secded7264;
import org.bnn.runtime.errors.DeviceErrors;
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
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment run on several mappings of one network ({@code run A, B, C on ...}): the paper's
 * 2T2R vs 1T1R (+ SECDED) study in small. Weight-level errors follow each mapping's cells.
 */
class ComparedMappingsTest {
    private static final NetworkSpec NETWORK = NetworkSpec.builder("N", "x", 256).dense("h", 128).output("o", 10).build();
    private static final RegimeSpec NOMINAL = new RegimeSpec("nominal", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.80),
            Pulse.of(1.8, 100e-6, 500e-9), Pulse.of(1.8, 100e-6, 500e-9), 1e7);
    private static final RegimeSpec WEAK = new RegimeSpec("weak", new LogNormal(25e3, 0.45), new LogNormal(320e3, 1.0),
            Pulse.of(1.5, 30e-6, 400e-9), Pulse.of(1.5, 30e-6, 400e-9), 1e9);
    private static final DeviceSpec DEVICE = new DeviceSpec("HfO2", "", List.of(NOMINAL, WEAK), StuckAt.NONE);
    private static final SenseAmpSpec SENSE = new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9);
    private static final MappingSpec TWO_T_TWO_R = mapping("TwoT", 32, new CellTechnology.TwoTransistorTwoResistor());
    private static final MappingSpec ONE_T = mapping("OneT", 64, new CellTechnology.OneTransistorOneResistor(new ReadReference.Best()));
    private static final MappingSpec SECDED = mapping("Secded", 72,
            new CellTechnology.OneTransistorOneResistorSecded(new ReadReference.Best(), OptionalDouble.of(2e-12)));

    private static MappingSpec mapping(String name, int columns, CellTechnology cells) {
        TileSpec tile = TileSpec.builder("T" + name, 32, columns).cell(cells).device(DEVICE).sense(SENSE).build();
        return new MappingSpec(name, NETWORK, ChipSpec.builder("C" + name, 200, tile).build(), Optional.of("nominal"), java.util.Map.of(),
                false, org.bnn.runtime.spec.Placement.AUTO);
    }

    private static ExperimentSpec study(MappingSpec first, List<MappingSpec> others, Optional<ReportSpec> report) {
        return new ExperimentSpec("Study", first, others, new InputSource.Random(200), ErrorSpec.weightLevel(Resampling.PER_CHIP),
                new SweepSpec.Regimes(List.of("nominal", "weak")), 3, 7, Optional.empty(), report);
    }

    private static List<SweepPoint> run(ExperimentSpec spec, int threads) {
        ExperimentInputs data = ExperimentInputs.load(spec, Path.of(""));
        return new ExperimentRunner(threads).run(spec, data.network(), data.inputs(), Optional.empty());
    }

    @Test
    void everyMappingGetsTheWholeSweepAtItsCellsBitErrorRate() {
        ExperimentSpec spec = study(TWO_T_TWO_R, List.of(ONE_T, SECDED), Optional.empty());
        assertEquals(List.of(TWO_T_TWO_R, ONE_T, SECDED), spec.mappings());
        List<SweepPoint> points = run(spec, 2);
        assertEquals(points, run(spec, 1), "the same at any thread count");
        assertEquals(List.of("TwoT", "TwoT", "OneT", "OneT", "Secded", "Secded"), points.stream().map(SweepPoint::mapping).toList());
        assertEquals(List.of("nominal", "weak", "nominal", "weak", "nominal", "weak"), points.stream().map(SweepPoint::label).toList());
        for (SweepPoint point : points) {
            MappingSpec mapping = spec.mappings().stream().filter(m -> m.name().equals(point.mapping())).findFirst().orElseThrow();
            RegimeSpec regime = DEVICE.regime(point.label());
            assertEquals(mapping.chip().tile().cell().bitErrorRate(regime, Optional.of(SENSE), StuckAt.NONE), point.ber(), 0.0,
                    point.toString());
            assertTrue(point.seenBer().isPresent(), "per-chip errors are counted: " + point);
        }
        // 2T2R at weight level: the device model's average BER, as before cells were compared.
        assertEquals(DeviceErrors.forMapping(TWO_T_TWO_R, Resampling.PER_CHIP).averageBitErrorRate(), points.get(0).ber(), 0.0);
        // The first mapping's points are those of the study of it alone (same keys, same chips).
        assertEquals(points.subList(0, 2), run(study(TWO_T_TWO_R, List.of(), Optional.empty()), 1));
        // 1T1R without and with the code: the same raw rate, the code leaves far fewer weights wrong at nominal.
        SweepPoint plain = points.get(2);
        SweepPoint coded = points.get(4);
        assertEquals(plain.ber(), coded.ber(), 0.0);
        double weights = 256 * 128 + 128 * 10;
        double sd = Math.sqrt(plain.ber() / (3 * weights));
        assertEquals(plain.ber(), plain.seenBer().getAsDouble(), 5 * sd, "1T1R: the weights see the raw rate");
        assertTrue(coded.seenBer().getAsDouble() < plain.seenBer().getAsDouble() / 3, "SECDED corrects most: " + coded + " vs " + plain);
        assertEquals(Secded7264.residualBitErrorRate(coded.ber()),
                SECDED.chip().tile().cell().bitErrorRateAfterDecoding(coded.ber()).getAsDouble());
    }

    @Test
    void comparedMappingsMapTheSameNetworkOnce() {
        NetworkSpec other = NetworkSpec.builder("Other", "x", 256).dense("h", 64).output("o", 10).build();
        MappingSpec elsewhere = new MappingSpec("Elsewhere", other, TWO_T_TWO_R.chip(), Optional.of("nominal"), java.util.Map.of(), false,
                org.bnn.runtime.spec.Placement.AUTO);
        assertEquals("ExperimentSpec(Study) compares mappings of different networks: Elsewhere maps Other, TwoT maps N (the same weights "
                + "and inputs run on every mapping)",
                assertThrows(IllegalArgumentException.class, () -> study(TWO_T_TWO_R, List.of(elsewhere), Optional.empty())).getMessage());
        assertEquals("ExperimentSpec(Study) runs on mapping TwoT twice: name each mapping once",
                assertThrows(IllegalArgumentException.class, () -> study(TWO_T_TWO_R, List.of(ONE_T, TWO_T_TWO_R), Optional.empty()))
                        .getMessage());
        String popcount = assertThrows(IllegalArgumentException.class, () -> new ExperimentSpec("Study", TWO_T_TWO_R, List.of(SECDED),
                new InputSource.Random(10), new ErrorSpec(ErrorLevel.WEIGHT, Resampling.PER_INFERENCE, List.of(), Sampling.POPCOUNT_DOMAIN),
                new SweepSpec.Ber(List.of(0.01)), 1, 1, Optional.empty(), Optional.empty())).getMessage();
        assertTrue(popcount.contains("popcount domain on mapping Secded"), popcount);
    }

    @Test
    void tablesNameTheMappingAndJsonKeepsThemAll(@TempDir Path folder) throws Exception {
        ExperimentSpec spec = study(TWO_T_TWO_R, List.of(SECDED), Optional.empty());
        List<SweepPoint> points = run(spec, 2);
        String table = SweepReport.table(spec, points);
        assertTrue(table.startsWith("experiment Study on TwoT, Secded: 200 random inputs x 3 trials"), table);
        assertTrue(table.contains("  mapping  point  ") && table.contains("  Secded   weak  "), table);
        List<String> csv = SweepReport.csv(points).lines().toList();
        assertEquals("mapping,point,ber,trials,mean_accuracy,accuracy_std,accuracy_ci95,mean_agreement,agreement_std,agreement_ci95",
                csv.get(0));
        assertTrue(csv.get(3).startsWith("Secded,nominal,"), csv.get(3));
        SweepReport.write(folder, "bnn test", spec, points);
        SweepReport.Results results = SpecJson.read(Files.readString(folder.resolve("sweep.json")), SweepReport.Results.class);
        assertEquals(spec, results.experiment());
        assertEquals("Secded", results.points().get(2).mapping());
        // A study of one mapping is written as before there could be several.
        ExperimentSpec alone = study(TWO_T_TWO_R, List.of(), Optional.empty());
        assertFalse(SpecJson.write(alone).contains("otherMappings"));
        assertEquals(alone, SpecJson.read(SpecJson.write(alone), ExperimentSpec.class));
        assertEquals("point,ber,trials,mean_accuracy,accuracy_std,accuracy_ci95,mean_agreement,agreement_std,agreement_ci95",
                SweepReport.csv(run(alone, 1)).lines().findFirst().orElseThrow());
    }

    /** The report of a regime sweep on several mappings: one comparison table (regime by regime) and one plot. */
    @Test
    void reportComparesTheMappingsRegimeByRegime(@TempDir Path base) throws Exception {
        ExperimentSpec spec = study(TWO_T_TWO_R, List.of(ONE_T, SECDED),
                Optional.of(new ReportSpec("r", EnumSet.allOf(ReportSpec.ReportFormat.class))));
        List<SweepPoint> points = run(spec, 2);
        List<Path> written = ExperimentReport.write(spec, points, base.resolve("r"));
        Set<String> names = written.stream().map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        assertTrue(names.containsAll(Set.of("comparison.csv", "comparison.png", "comparison.svg", "report.md", "report.json", "sweep.csv")),
                names.toString());
        assertFalse(names.contains("regimes.csv"), "the comparison replaces the one-mapping regime table");
        List<String> csv = Files.readAllLines(base.resolve("r/comparison.csv"));
        assertEquals(String.join(",", ComparisonCsv.COLUMNS), csv.get(0));
        assertEquals(7, csv.size());
        assertEquals(List.of("nominal,TwoT", "nominal,OneT", "nominal,Secded", "weak,TwoT", "weak,OneT", "weak,Secded"),
                csv.subList(1, 7).stream().map(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1))).toList());
        // Cells, worked out by hand: 2T2R and 1T1R hold one weight per cell, 256·128 + 128·10 = 34,048; SECDED whole words per
        // row, ⌈256/64⌉·72·128 + ⌈128/64⌉·72·10 = 36,864 + 1,440 = 38,304. Devices: 2T2R two per cell.
        assertTrue(csv.get(1).contains(",34048,68096,"), csv.get(1));
        assertTrue(csv.get(2).contains(",34048,34048,"), csv.get(2));
        assertTrue(csv.get(3).contains(",38304,38304,"), csv.get(3));
        // Decodes: words per row × neurons, 4·128 + 2·10 = 532 words at 2 pJ; no decode without a code.
        String[] secded = csv.get(3).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals(532 * 2e-12, Double.parseDouble(secded[ComparisonCsv.COLUMNS.indexOf("decode_joules")]), 1e-20);
        assertEquals("0.0", csv.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[ComparisonCsv.COLUMNS.indexOf("decode_joules")]);
        String md = Files.readString(base.resolve("r/report.md"));
        assertTrue(md.contains("## Mappings compared") && md.contains("![Mappings compared across programming regimes](comparison.png)"),
                md);
        assertTrue(md.startsWith("# Study (TwoT, OneT, Secded)"), md);
        assertTrue(Files.readString(base.resolve("r/report.json")).contains("\"comparison\": ["));
        assertTrue(Files.size(base.resolve("r/comparison.png")) > 10_000);
    }
}
