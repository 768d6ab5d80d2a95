package org.bnn.runtime.tests.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.estimate.EstimateText;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/**
 * The estimate as the CLI and the generated simulations print it, whole. Every figure below was
 * worked out by hand from the description (see the comments), not copied from a run.
 */
class EstimateTextTest {
    private static final NetworkSpec MLP = NetworkSpec.builder("Mlp", "pixels", 28, 28)
            .dense("fc1", 1024).dense("fc2", 1024).dense("fc3", 1024).output("out", 10).build();

    /** 25 fJ per sense, 20 fJ per popcount input bit, 0.2 pJ per compare, 100 MHz: the worked example. */
    private static MappingEstimate workedExample() {
        TileSpec tile = TileSpec.builder("T32", 32, 32).sense(new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9)).popcountEnergy(20e-15).build();
        ChipSpec chip = ChipSpec.builder("Demo", 4096, tile).clock(100e6).thresholdEnergy(0.2e-12).build();
        return Estimator.estimate(new MappingSpec("m", MLP, chip));
    }

    /** 2000 tiles for 2880 blocks, reprogramming allowed, a device with programming pulses, no unit energies, no clock. */
    private static MappingEstimate reprogrammed() {
        RegimeSpec nominal = new RegimeSpec("nominal", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.8),
                Pulse.of(2, 100e-6, 500e-9), Pulse.of(2, 100e-6, 500e-9), 1e7);
        TileSpec tile = TileSpec.builder("T32", 32, 32).device(new DeviceSpec("D", "", List.of(nominal), StuckAt.NONE)).build();
        return Estimator.estimate(new MappingSpec("m", MLP, new ChipSpec("C", 2000, tile), Optional.of("nominal"), Map.of(), true));
    }

    private static String unix(String text) {
        return text.replace(System.lineSeparator(), "\n");
    }

    @Test
    void tileTableListsEveryLayerWithItsTilesAndTheChipsUtilization() {
        // 784 rows = 25 row chunks x 32 column chunks = 800 tiles; 1024 x 1024: 1024; 1024 x 10: 32 x 1.
        // 2880 of 4096 = 70.3 %.
        assertEquals("""
                mapping m: network Mlp on chip Demo (4096 tiles of T32, 32 rows x 32 columns 2T2R)
                  layer          fan-in  fan-out  positions    tiles  placed on
                  fc1               784     1024          1      800  tiles 0..799
                  fc2              1024     1024          1     1024  tiles 800..1823
                  fc3              1024     1024          1     1024  tiles 1824..2847
                  out              1024       10          1       32  tiles 2848..2879
                tiles: 2880 of 4096 (70.3 %)
                placement: auto
                """, unix(EstimateText.tileTable(workedExample())));
    }

    @Test
    void tileTableOfAMappingThatDoesNotFitSaysSoAndReusesTiles() {
        List<String> lines = unix(EstimateText.tileTable(reprogrammed())).lines().toList();
        assertEquals("mapping m: network Mlp on chip C (2000 tiles of T32, 32 rows x 32 columns 2T2R)", lines.get(0));
        // fc3 and out start again at tile 0: they share the tiles of fc1 and fc2, rewritten while the network runs.
        assertEquals(List.of("  fc3              1024     1024          1     1024  tiles 0..1023",
                "  out              1024       10          1       32  tiles 1024..1055",
                "tiles: 2880 of 2000 (144.0 %) -- DOES NOT FIT",
                "placement: auto"), lines.subList(4, 8));
    }

    @Test
    void poolingLayersShowTheirPositionsAndNoTiles() {
        // 8x8 VALID 3x3: 6x6 = 36 positions; pool 2x2: 3x3 = 9; out: 3·3·16 = 144 rows = 5 tiles.
        NetworkSpec cnn = NetworkSpec.builder("C", "img", 8, 8).conv("c1", 16, 3, 1, Padding.VALID).pool("p", PoolKind.MAX, 2, 2)
                .output("out", 10).build();
        MappingEstimate estimate = Estimator.estimate(new MappingSpec("m", cnn, new ChipSpec("C", 100, new TileSpec("T32", 32, 32,
                new CellTechnology.TwoTransistorTwoResistor()))));
        assertEquals("""
                mapping m: network C on chip C (100 tiles of T32, 32 rows x 32 columns 2T2R)
                  layer          fan-in  fan-out  positions    tiles  placed on
                  c1                  9       16         36        1  tile 0
                  p                pool        -          9        -  -
                  out               144       10          1        5  tiles 1..5
                tiles: 6 of 100 (6.0 %)
                placement: auto
                """, unix(EstimateText.tileTable(estimate)));
    }

    @Test
    void tileSpanIsTheRangeWithoutTheWord() {
        MappingEstimate estimate = workedExample();
        assertEquals("0..799", EstimateText.tileSpan(estimate.layers().get(0)));
        assertEquals("2848..2879", EstimateText.tileSpan(estimate.layers().get(3)));
        NetworkSpec pooled = NetworkSpec.builder("C", "img", 8, 8).conv("c1", 16, 3, 1, Padding.VALID).pool("p", PoolKind.MAX, 2, 2)
                .output("out", 10).build();
        MappingEstimate withPool = Estimator.estimate(new MappingSpec("m", pooled, new ChipSpec("C", 100, new TileSpec("T32", 32, 32,
                new CellTechnology.TwoTransistorTwoResistor()))));
        assertEquals("-", EstimateText.tileSpan(withPool.layers().get(1)));
    }

    @Test
    void costTableGivesEnergyByLayerAndComponentAndTheLatency() {
        // fc1: 784·1024 senses · 45 fJ + 1024 · 0.2 pJ = 36.3 nJ; fc2, fc3: 1024² · 45 fJ + 0.2 nJ = 47.4 nJ;
        // out: 10240 · 45 fJ + 10 · 0.2 pJ = 463 pJ. Cycles: 32 rows + 5 adder stages (32 chunks), out 10 + 5.
        // 126 cycles at 100 MHz = 1.26 us, 1 / 1.26 us = 7.937e5 inferences/s.
        assertEquals("""
                  layer              energy       cycles
                  fc1               36.3 nJ           37
                  fc2               47.4 nJ           37
                  fc3               47.4 nJ           37
                  out                463 pJ           15
                energy per inference: 132 nJ (sense 72.8 nJ, popcount 58.2 nJ, threshold 616 pJ)
                not estimated (no unit energy given): partial sums per addition, buffer per bit accessed
                latency: 126 cycles = 1.26 us per inference, 7.937e+05 inferences/s
                """, unix(EstimateText.costTable(workedExample())));
    }

    @Test
    void costTableWithoutUnitEnergiesOrClockNamesWhatIsMissingAndGivesProgrammingCosts() {
        // 2,910,208 weights x 2 pulses (a SET and a RESET) x 2 V · 100 uA · 500 ns = 582 uJ, once;
        // one write against an endurance of 1e7. Reprogramming: as EstimatorTest works it out.
        assertEquals("""
                  layer              energy       cycles
                  fc1                   0 J           37
                  fc2                   0 J           37
                  fc3                   0 J           37
                  out                   0 J           15
                energy per inference: 0 J
                not estimated (no unit energy given): sense per sense, popcount per input bit, partial sums per addition, \
                threshold per compare, buffer per bit accessed
                latency: 126 cycles (no clock given)
                programming (one time): 5820416 pulses, 582 uJ, 1.00e-07 of the endurance
                reprogramming (per inference): 1760 tile writes, 2 per device, 3604480 pulses, 360 uJ; devices worn out \
                after 5.00e+06 inferences
                """, unix(EstimateText.costTable(reprogrammed())));
    }

    @Test
    void unitsTakeTheSiPrefixOfTheirThousandsWithThreeSignificantDigits() {
        assertEquals("0 J", EstimateText.joules(0));
        assertEquals("1.00 J", EstimateText.joules(1));
        assertEquals("999 J", EstimateText.joules(999));
        assertEquals("1.00 kJ", EstimateText.joules(1000));
        assertEquals("12.3 kJ", EstimateText.joules(12345));
        assertEquals("1.50 ms", EstimateText.seconds(1.5e-3));
        assertEquals("-4.00 us", EstimateText.seconds(-4e-6));
        // Beyond the table the outermost prefix stays, with the mantissa growing or shrinking.
        assertEquals("0.250 fJ", EstimateText.joules(2.5e-16));
        assertEquals("3.00e+03 GJ", EstimateText.joules(3e12));
    }
}
