package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Level × resampling pairs of docs/architecture.md §3, and what a device model cannot represent, rejected with a clear message. */
class LevelAndResamplingValidationTest {
    private static final DeviceSpec DEVICE = new DeviceSpec("hfo2", "TiN/HfO2/Ti/TiN", Presets.REGIMES, new StuckAt(1e-4, 1e-4));
    private static final TileSpec TILE = TileSpec.builder("T", 32, 32).device(DEVICE).sense(Presets.SENSE_AMP).build();

    @Test
    void onlyDeviceLevelPerInferenceIsInvalid() {
        for (Resampling resampling : Resampling.values()) {
            assertTrue(ErrorLevel.WEIGHT.supports(resampling), "weight level, " + resampling);
            assertEquals(resampling != Resampling.PER_INFERENCE, ErrorLevel.DEVICE.supports(resampling), "device level, " + resampling);
        }
    }

    @Test
    void devicePerInferenceIsRejectedWithTheReasonAndTheValidChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeviceErrors(Presets.NOMINAL,
                Presets.SENSE_AMP, StuckAt.NONE, new TileFolding(32, 32), Resampling.PER_INFERENCE, 3));
        assertTrue(e.getMessage().contains("DEVICE-level errors cannot use resampling PER_INFERENCE"), e.getMessage());
        assertTrue(e.getMessage().contains("PER_CHIP") && e.getMessage().contains("PER_READ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceErrors.forTile(TILE, "nominal", Resampling.PER_INFERENCE, 3));
        DeviceErrors valid = DeviceErrors.forTile(TILE, "nominal", Resampling.PER_CHIP, 3);
        assertThrows(IllegalArgumentException.class, () -> valid.withResampling(Resampling.PER_INFERENCE));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> valid.withResampling(null));
        assertEquals("DeviceErrors.resampling is required, got null", missing.getMessage());
    }

    @Test
    void devicePatternsAreNeverAskedForPerInferenceFlips() {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.dense(), 1);
        for (Resampling resampling : new Resampling[] {Resampling.PER_CHIP, Resampling.PER_READ}) {
            ErrorPatterns patterns = ErrorPatterns.of(DeviceErrors.forTile(TILE, "low", resampling, 3));
            assertEquals(ErrorLevel.DEVICE, patterns.level());
            assertEquals(resampling == Resampling.PER_CHIP, patterns.isPerChip());
            assertEquals(resampling == Resampling.PER_READ, patterns.isPerRead());
            assertThrows(IllegalStateException.class, () -> patterns.inference(network, 1, 0, 0));
        }
        assertEquals(ErrorLevel.WEIGHT, ErrorPatterns.perRead(DeviceErrors.forTile(TILE, "low", Resampling.PER_READ, 3)
                .averageWeightErrors()).level());
    }

    @Test
    void whatTheModelCannotRepresentIsRejectedNamingTheField() {
        TileSpec oneTOneR = TileSpec.builder("R1", 32, 72).cell(new CellTechnology.OneTransistorOneResistor(new ReadReference.Best()))
                .device(DEVICE)
                .sense(Presets.SENSE_AMP).build();
        assertMessage("TileSpec(R1).cell must be 2T2R for device-level errors (a PCSA reading a complementary pair), got 1T1R",
                () -> DeviceErrors.forTile(oneTOneR, "nominal", Resampling.PER_CHIP, 3));
        assertMessage("TileSpec(bare).device is required for device-level errors, got none",
                () -> DeviceErrors.forTile(TileSpec.builder("bare", 8, 8).build(), "nominal", Resampling.PER_CHIP, 3));
        assertMessage("TileSpec(deaf).sense is required for device-level errors (its offsets decide every misread), got none",
                () -> DeviceErrors.forTile(TileSpec.builder("deaf", 8, 8).device(DEVICE).build(), "nominal", Resampling.PER_CHIP, 3));
        assertThrows(IllegalArgumentException.class, () -> DeviceErrors.forTile(TILE, "medium", Resampling.PER_CHIP, 3));
        assertMessage("DeviceErrors.errorFreeLayers must hold layer indices in [0, 3), got 3",
                () -> DeviceErrors.forTile(TILE, "nominal", Resampling.PER_CHIP, 3).withErrorFreeLayers(Set.of(0, 3)));
        assertMessage("TileFolding.columns must be positive, got 0", () -> new TileFolding(4, 0));
    }

    @Test
    void mappingsGiveRegimeFaultsAndFoldingOrSayWhatIsMissing() {
        NetworkSpec network = TestNetworks.dense();
        ChipSpec chip = new ChipSpec("C", 64, TILE);
        DeviceErrors errors = DeviceErrors.forMapping(new MappingSpec("M", network, chip, Optional.of("very-low"), Map.of(), false),
                Resampling.PER_READ);
        assertEquals(Presets.VERY_LOW, errors.regime());
        assertEquals(new StuckAt(1e-4, 1e-4), errors.stuckAt());
        assertEquals(new TileFolding(32, 32), errors.folding());
        assertEquals(3, errors.layers());
        assertMessage("MappingSpec(M).regime is required for device-level errors, got none",
                () -> DeviceErrors.forMapping(new MappingSpec("M", network, chip), Resampling.PER_CHIP));
        NetworkSpec conv = TestNetworks.convPaddingStride();
        assertMessage("MappingSpec(R).replication of c1 must be 1 for device-level errors (each copy holds other cells; "
                + "not modelled), got 4",
                () -> DeviceErrors.forMapping(new MappingSpec("R", conv, chip, Optional.of("low"),
                        Map.of("c1", 4), false), Resampling.PER_CHIP));
    }

    @Test
    void aNetworkWithAnotherNumberOfLayersIsRejected() {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.dense(), 1);
        DeviceErrors twoLayers = DeviceErrors.forTile(TILE, "nominal", Resampling.PER_CHIP, 2);
        assertMessage("device errors are given for 2 layers, the network Dense has 3 layers with weights",
                () -> twoLayers.program(network, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Simulation(1).run(network,
                RandomNetworks.inputs(network, 2, 1), ErrorPatterns.of(twoLayers), 1, 1));
    }

    @Test
    void errorFreeLayersAreReadExactly() {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.dense(), 1);
        DeviceErrors errors = new DeviceErrors(Presets.ULTRA_LOW, Presets.NOISY_SENSE_AMP, StuckAt.NONE, new TileFolding(7, 20),
                Resampling.PER_CHIP, 3, Set.of(0, 2));
        long[][] flips = errors.program(network, 5, 0).perChipFlips();
        assertEquals(0, flips[0].length);
        assertTrue(flips[1].length > 0);
        assertEquals(0, flips[2].length);
        double[] bers = errors.averageWeightErrors().berPerLayer();
        assertEquals(0.0, bers[0]);
        assertEquals(errors.averageBitErrorRate(), bers[1]);
        assertFalse(ErrorPatterns.of(errors).isNone());
        assertTrue(ErrorPatterns.of(errors.withErrorFreeLayers(Set.of(0, 1, 2))).isNone());
    }

    private static void assertMessage(String expected, Executable executable) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, executable).getMessage());
    }
}
