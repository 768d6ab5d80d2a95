package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.estimate.Energy;
import org.bnn.runtime.estimate.EnergyComponent;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.EventCounts;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.estimate.Reprogramming;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

class EstimatorTest {
    private static final TileSpec T32 = new TileSpec("T32", 32, 32, new CellTechnology.TwoTransistorTwoResistor());
    private static final NetworkSpec MLP = NetworkSpec.builder("Mlp", "pixels", 28, 28)
            .dense("fc1", 1024).dense("fc2", 1024).dense("fc3", 1024).output("out", 10).build();

    private static MappingEstimate onChip(NetworkSpec network, TileSpec tile, int tiles) {
        return Estimator.estimate(new MappingSpec("m", network, new ChipSpec("C", tiles, tile)));
    }

    @Test
    void denseLayerTilesAreColumnChunksTimesRowChunks() {
        MappingEstimate estimate = onChip(MLP, T32, 4096);
        assertEquals(800, estimate.layers().get(0).tiles());
        assertEquals(32, estimate.layers().get(3).tiles());
        TileSpec wide = new TileSpec("W", 16, 100, new CellTechnology.TwoTransistorTwoResistor());
        LayerEstimate odd = onChip(NetworkSpec.builder("N", "x", 250).dense("l", 17).output("o", 2).build(), wide, 99).layers().get(0);
        assertEquals(3, odd.columnChunks());
        assertEquals(2, odd.rowChunks());
        assertEquals(6, odd.tiles());
    }

    @Test
    void reprogrammingRewritesTheSharedTilesEveryInference() {
        RegimeSpec nominal = new RegimeSpec("nominal", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.8),
                Pulse.of(2, 100e-6, 500e-9), Pulse.of(2, 100e-6, 500e-9), 1e7);
        TileSpec tile = TileSpec.builder("T32", 32, 32).device(new DeviceSpec("D", "", List.of(nominal), StuckAt.NONE)).build();
        MappingSpec twoThousand = new MappingSpec("m", MLP, new ChipSpec("C", 2000, tile), Optional.of("nominal"), Map.of(), true);
        Reprogramming shared = Estimator.estimate(twoThousand).reprogramming().orElseThrow();
        // 2880 blocks on 2000 tiles: 880 tiles hold two blocks, each written twice per inference.
        assertEquals(1760, shared.tileWritesPerInference());
        assertEquals(2, shared.writesPerDevice());
        ProgrammingCost cost = shared.perInference().orElseThrow();
        assertEquals(2 * 1760 * 1024, cost.pulses()); // a 2T2R weight write is one SET and one RESET pulse
        assertEquals(1760 * 1024 * 2 * (2 * 100e-6 * 500e-9), cost.energyJoules(), 1e-18);
        assertEquals(5e6, shared.inferencesUntilWornOut().orElseThrow(), 1e-3);

        MappingSpec thousand = new MappingSpec("m", MLP, new ChipSpec("C", 1000, tile), Optional.of("nominal"), Map.of(), true);
        Reprogramming everyTile = Estimator.estimate(thousand).reprogramming().orElseThrow();
        assertEquals(2880, everyTile.tileWritesPerInference()); // N > 2T: every block is written once
        assertEquals(3, everyTile.writesPerDevice()); // ⌈2880 / 1000⌉ blocks share the busiest tile

        assertTrue(Estimator.estimate(new MappingSpec("m", MLP, new ChipSpec("C", 2000, tile), Optional.of("nominal"), Map.of(), false))
                .reprogramming().isEmpty(), "no reprogramming unless allowed");
        assertTrue(Estimator.estimate(new MappingSpec("m", MLP, new ChipSpec("C", 4096, tile), Optional.of("nominal"), Map.of(), true))
                .reprogramming().isEmpty(), "nothing to rewrite when the network fits");
    }

    @Test
    void referenceNetworkNeeds2880TilesOf32x32() {
        assertEquals(2880, onChip(MLP, T32, 2880).tilesNeeded());
        assertTrue(onChip(MLP, T32, 2880).fits());
        assertFalse(onChip(MLP, T32, 2879).fits());
    }

    @Test
    void referenceNetworkWithBinarizedInputNeedsTheWorkedExamplesSenses() {
        // examples/lib/illustrative-hw.bnn worked example: 784-1024-1024-1024-10 needs 2,910,208 senses per inference.
        EventCounts events = onChip(MLP, T32, 4096).events();
        assertEquals(2_910_208, events.senses());
        assertEquals(events.senses(), events.popcountInputBits());
        // Partial sums: fc1 has 25 column chunks, the others 32: 1024·24 + 1024·31·2 + 10·31.
        assertEquals(1024 * 24 + 1024 * 31 * 2 + 10 * 31, events.partialSumAdditions());
        // Compares: 3 · 1024 thresholds, 10 class scores.
        assertEquals(3 * 1024 + 10, events.thresholdCompares());
    }

    @Test
    void energyIsEventsTimesUnitEnergiesAndMissingUnitsAreReported() {
        // examples/lib/illustrative-hw.bnn (illustrative): 25 fJ per sense, 20 fJ per popcount input bit, 0.2 pJ per compare.
        TileSpec tile = TileSpec.builder("T32", 32, 32).sense(new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9)).popcountEnergy(20e-15).build();
        ChipSpec chip = ChipSpec.builder("Demo", 4096, tile).clock(100e6).thresholdEnergy(0.2e-12).build();
        MappingEstimate estimate = Estimator.estimate(new MappingSpec("m", MLP, chip));
        Energy energy = estimate.energy();
        // The worked example: 2,910,208 senses ≈ 131 nJ of sense + popcount, ≈ 0.6 nJ of compares.
        assertEquals(2_910_208 * 45e-15, energy.joules().get(EnergyComponent.SENSE) + energy.joules().get(EnergyComponent.POPCOUNT), 1e-18);
        assertEquals(131e-9, energy.joules().get(EnergyComponent.SENSE) + energy.joules().get(EnergyComponent.POPCOUNT), 0.5e-9);
        assertEquals((3 * 1024 + 10) * 0.2e-12, energy.joules().get(EnergyComponent.THRESHOLD), 1e-18);
        assertEquals(java.util.Set.of(EnergyComponent.PARTIAL_SUMS, EnergyComponent.BUFFER), energy.missing());
        // Latency: per layer rows of the busiest tile + adder stages, at 100 MHz.
        long cycles = (32 + 5) + (32 + 5) * 2 + (10 + 5);
        assertEquals(cycles, estimate.cycles());
        assertEquals(cycles / 100e6, estimate.latencySeconds().getAsDouble(), 1e-15);
        assertTrue(Math.abs(estimate.chipUtilization() - 2_910_208.0 / (4096 * 1024)) < 1e-12);
    }

    @Test
    void replicationMultipliesTilesAndDividesConvCycles() {
        NetworkSpec cnn = NetworkSpec.builder("C", "img", 8, 8).conv("c1", 16, 3, 1, Padding.VALID).output("out", 10).build();
        ChipSpec chip = new ChipSpec("C", 100, T32);
        LayerEstimate single = Estimator.estimate(new MappingSpec("m", cnn, chip)).layers().get(0);
        LayerEstimate quad = Estimator
                .estimate(new MappingSpec("m", cnn, chip, java.util.Optional.empty(), java.util.Map.of("c1", 4), false))
                .layers().get(0);
        assertEquals(4 * single.tiles(), quad.tiles());
        assertEquals(16 * 36 + 0, single.cycles());
        assertEquals(16 * 9, quad.cycles());
        assertEquals(single.events(), quad.events(), "replication changes time, not the work");
    }

    @Test
    void bitSerialInputMultipliesTheFirstLayersSensesAndCycles() {
        NetworkSpec serial = NetworkSpec.builder("S", new InputSpec("px", new Shape(28, 28, 1), new InputEncoding.BitSerial(8)))
                .dense("fc1", 1024).output("out", 10).build();
        LayerEstimate first = onChip(serial, T32, 4096).layers().get(0);
        LayerEstimate binarized = onChip(NetworkSpec.builder("B", "px", 28, 28).dense("fc1", 1024).output("out", 10).build(), T32, 4096)
                .layers().get(0);
        assertEquals(8 * binarized.events().senses(), first.events().senses());
        // 25 chunks x 8 planes = 200 partial sums per neuron, 199 additions.
        assertEquals(1024L * 199, first.events().partialSumAdditions());
        assertEquals(32 * 8 + 8, first.cycles()); // 32 rows x 8 planes + ceil(log2 200) adder stages
        assertEquals(800, first.tiles());
    }

    @Test
    void convLayersAreUnrolledAndEvaluatedOncePerPosition() {
        NetworkSpec cnn = NetworkSpec.builder("C", "img", 28, 28)
                .conv("c1", 32, 3, 1, new Padding(1, -1))
                .pool("p1", PoolKind.MAX, 2, 2)
                .conv("c2", 64, 3, 1, Padding.VALID)
                .dense("fc", 128).output("out", 10).build();
        MappingEstimate estimate = onChip(cnn, T32, 10_000);
        LayerEstimate c1 = estimate.layers().get(0);
        assertEquals(9, c1.geometry().fanIn());
        assertEquals(28 * 28, c1.geometry().positions());
        assertEquals(1, c1.tiles());
        LayerEstimate p1 = estimate.layers().get(1);
        assertEquals(0, p1.tiles(), "pooling needs no tiles");
        assertEquals(14L * 14 * 32 * 5, p1.events().bufferBitAccesses(), "max pool reads 4 bits and writes 1 per output");
        LayerEstimate c2 = estimate.layers().get(2);
        assertEquals(new Shape(12, 12, 64), c2.geometry().output());
        assertEquals(9 * 32, c2.geometry().fanIn());
        assertEquals(9 * 2, c2.tiles());
        assertEquals(9L * 32 * 64 * 144, c2.events().senses());
        assertEquals(12 * 12 * 64, estimate.layers().get(3).geometry().fanIn());
    }

    /** The reference design's nominal regime: 2 V, 100 uA, 500 ns pulses (0.1 nJ each), 1e7 cycles. */
    private static final RegimeSpec NOMINAL = new RegimeSpec("nominal", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.8),
            Pulse.of(2, 100e-6, 500e-9), Pulse.of(2, 100e-6, 500e-9), 1e7);

    @Test
    void eccTilesDecodeWordsProgramCheckBitsAndSpendRowCycles() {
        // 1T1R + SECDED(72,64) on 32 x 72 tiles, 2 clocks per row read, 1 pJ per decoded word.
        CellTechnology cell = new CellTechnology.OneTransistorOneResistorSecded(new ReadReference.Fixed(18e3), OptionalDouble.of(1e-12));
        TileSpec tile = TileSpec.builder("E", 32, 72).cell(cell).device(new DeviceSpec("D", "", List.of(NOMINAL), StuckAt.NONE))
                .rowCycleClocks(2).build();
        ChipSpec chip = ChipSpec.builder("C", 10, tile).clock(100e6).build();
        NetworkSpec network = NetworkSpec.builder("N", "x", 128).dense("h", 64).output("o", 10).build();
        MappingEstimate estimate = Estimator.estimate(new MappingSpec("m", network, chip, Optional.of("nominal"), Map.of(), false));

        // h: 128 inputs = 2 words = 144 cells = 2 column chunks; 64 neurons = 2 row chunks.
        LayerEstimate h = estimate.layers().get(0);
        assertEquals(4, h.tiles());
        assertEquals(new EventCounts(144 * 64, 144 * 64, 64, 64, 2 * 64, 64 + 128 * 2, 64 * 2), h.events());
        assertEquals(32 * 2 + 1, h.cycles()); // 32 rows of 2 clocks + one adder stage for 2 chunks
        // o: 64 inputs = 1 word = 72 cells; 10 neurons; it writes no bits, it reads h's 64.
        LayerEstimate o = estimate.layers().get(1);
        assertEquals(new EventCounts(72 * 10, 72 * 10, 0, 10, 10, 64, 10), o.events());
        assertEquals(10 * 2, o.cycles());
        assertEquals(h.events().plus(o.events()), estimate.events());
        assertEquals(new EventCounts(9936, 9936, 64, 74, 138, 384, 138), estimate.events());
        assertEquals(85, estimate.cycles());
        assertEquals(85 / 100e6, estimate.latencySeconds().getAsDouble(), 1e-18);
        assertEquals(2 / 100e6, Estimator.rowCycleSeconds(chip).getAsDouble(), 1e-18);

        Energy energy = estimate.energy();
        assertEquals(Map.of(EnergyComponent.ECC, 138e-12), energy.joules());
        assertEquals(138e-12, energy.totalJoules(), 1e-24);
        assertFalse(energy.complete(), "sense, popcount, additions, compares and buffer have no unit energy");
        assertTrue(new Energy(Map.of(EnergyComponent.ECC, 1e-12), java.util.Set.of()).complete());

        // Programming: 8832 weights = 138 words of 72 cells; a 1T1R write is one pulse, SET or RESET (0.1 nJ).
        ProgrammingCost programming = estimate.programming().orElseThrow();
        assertEquals(138 * 72, programming.pulses());
        assertEquals(138 * 72 * 1e-10, programming.energyJoules(), 1e-18);
        assertEquals(1e-7, programming.enduranceFraction(), 1e-20);
        assertEquals(128 * 64 + 64 * 10, estimate.weights());
    }

    /** 1T1R + SECDED(72,64) on 32 x 72 tiles of the nominal device (one word per tile row). */
    private static final TileSpec SECDED_TILE = TileSpec.builder("E", 32, 72)
            .cell(new CellTechnology.OneTransistorOneResistorSecded(new ReadReference.Best(), OptionalDouble.empty()))
            .device(new DeviceSpec("D", "", List.of(NOMINAL), StuckAt.NONE)).build();

    @Test
    void eccCellsAreWholeWordsPerTileRow() {
        // The 784-1024-10 network. h: 784 inputs = 13 words (12 full, one holding 16 weights) = 936 cells
        // per row, 1024 rows; o: 1024 inputs = 16 words = 1152 cells per row, 10 rows.
        NetworkSpec network = NetworkSpec.builder("N", "x", 784).dense("h", 1024).output("o", 10).build();
        MappingEstimate estimate = Estimator.estimate(new MappingSpec("m", network, new ChipSpec("C", 1000, SECDED_TILE),
                Optional.of("nominal"), Map.of(), false));
        long cells = 13 * 72 * 1024 + 16 * 72 * 10;
        assertEquals(969_984, cells);
        // Rounding the network's 813,056 weights into words as if a word could span rows would give
        // 12,704 words = 914,688 cells; words are decoded per row read, so they cannot.
        assertEquals(784 * 1024 + 1024 * 10, estimate.weights());
        assertEquals(cells, estimate.programming().orElseThrow().pulses(), "one pulse per 1T1R cell, check bits included");
        assertEquals(cells * 1e-10, estimate.programming().orElseThrow().energyJoules(), 1e-15);
        // The same words are what the layers sense and decode: 936 senses and 13 decodes per neuron read.
        assertEquals(936 * 1024, estimate.layers().get(0).events().senses());
        assertEquals(13 * 1024, estimate.layers().get(0).events().eccDecodes());
        assertEquals(13 * 32 + 16, estimate.tilesNeeded(), "936 cells on 72 columns: 13 chunks x 32 row chunks; o: 16 chunks");
    }

    @Test
    void eccTilesReprogramTheirCellsOnce() {
        // 128-64-10 on 32 x 72 SECDED tiles: h takes 2 x 2 tiles, o one; 5 blocks on 3 tiles (5 <= 2 x 3):
        // 2 x (5 - 3) = 4 tile writes per inference, each rewriting the tile's 32 x 72 = 2,304 cells with
        // one pulse each. The check bits are among those cells: no 72/64 factor on top (it was applied
        // twice before, giving 10,368 pulses).
        NetworkSpec network = NetworkSpec.builder("N", "x", 128).dense("h", 64).output("o", 10).build();
        Reprogramming reprogramming = Estimator.estimate(new MappingSpec("m", network, new ChipSpec("C", 3, SECDED_TILE),
                Optional.of("nominal"), Map.of(), true)).reprogramming().orElseThrow();
        assertEquals(4, reprogramming.tileWritesPerInference());
        ProgrammingCost cost = reprogramming.perInference().orElseThrow();
        assertEquals(4 * 32 * 72, cost.pulses());
        assertEquals(4 * 32 * 72 * 1e-10, cost.energyJoules(), 1e-18);
        assertEquals(2 / 1e7, cost.enduranceFraction(), 1e-22, "shared tiles are written twice per inference");
    }

    @Test
    void replicatedLayersStoreEveryCopy() {
        // c1: 3x3x1 x 16 = 144 weights, 4 copies; out: 6x6x16 = 576 inputs x 10 = 5760 weights (18 column chunks).
        NetworkSpec cnn = NetworkSpec.builder("C", "img", 8, 8).conv("c1", 16, 3, 1, Padding.VALID).output("out", 10).build();
        TileSpec tile = TileSpec.builder("T32", 32, 32).device(new DeviceSpec("D", "", List.of(NOMINAL), StuckAt.NONE)).build();
        MappingEstimate estimate = Estimator.estimate(new MappingSpec("m", cnn, new ChipSpec("C", 100, tile), Optional.of("nominal"),
                Map.of("c1", 4), false));
        assertEquals(144 + 5760, estimate.weights(), "the network's weights, once");
        assertEquals(2 * (4 * 144 + 5760), estimate.programming().orElseThrow().pulses(), "every copy is programmed");
        assertEquals(4 + 18, estimate.tilesPlaced());
        assertEquals((4 * 144 + 5760) / (22 * 1024.0), estimate.placedUtilization(), 1e-15);
        assertEquals(4 * 144 / (4 * 1024.0), estimate.layers().get(0).utilization(1024), 1e-15);
    }

    @Test
    void aNetworkThatExactlyFillsItsChipIsNotReprogrammed() {
        TileSpec tile = TileSpec.builder("T32", 32, 32).device(new DeviceSpec("D", "", List.of(NOMINAL), StuckAt.NONE)).build();
        MappingEstimate exact = Estimator.estimate(new MappingSpec("m", MLP, new ChipSpec("C", 2880, tile), Optional.of("nominal"),
                Map.of(), true));
        assertTrue(exact.fits());
        assertTrue(exact.reprogramming().isEmpty(), "2880 blocks on 2880 tiles");
        // Exactly twice the tiles: every block is written once, shared tiles twice: 1440 tiles, 2880 writes.
        Reprogramming twice = Estimator.estimate(new MappingSpec("m", MLP, new ChipSpec("C", 1440, tile), Optional.of("nominal"),
                Map.of(), true)).reprogramming().orElseThrow();
        assertEquals(2880, twice.tileWritesPerInference());
        assertEquals(2, twice.writesPerDevice());
    }
}
