package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.LayerMargins;
import org.bnn.runtime.errors.MarginSampler;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Placement;
import org.bnn.runtime.spec.TileRange;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/**
 * Under an explicit placement a layer's devices are those of its physical tiles: moved, it meets
 * other stuck-at faults, mismatches and resistances; on the same tiles, the same ones whatever the
 * other layers do; the misread rate is still the analytic BER. Automatic placement keeps the
 * layer-keyed devices (the other device tests pin those results).
 */
class PlacedDevicesTest {
    /** 64 -> 48 -> 10 on 8 x 16 tiles: h takes 4 x 6 = 24 tiles, o 3 x 2 = 6. */
    private static final NetworkSpec SPEC = NetworkSpec.builder("N", "x", 64).dense("h", 48).output("o", 10).build();
    private static final BinaryNetwork NETWORK = RandomNetworks.create(SPEC, 3);
    private static final TileFolding FOLDING = new TileFolding(8, 16);

    private static DeviceErrors on(TileRange h, TileRange o) {
        return new DeviceErrors(Presets.ULTRA_LOW, Presets.NOISY_SENSE_AMP, new StuckAt(0.01, 0.01), FOLDING, Resampling.PER_CHIP, 2,
                java.util.Set.of(), List.of(h, o));
    }

    private static long[][] flips(DeviceErrors errors, int trial) {
        return errors.program(NETWORK, 42, trial).perChipFlips();
    }

    @Test
    void aMovedLayerMeetsOtherDevicesAndItsNeighbourKeepsItsOwn() {
        long[][] here = flips(on(new TileRange(0, 23), new TileRange(24, 29)), 0);
        long[][] moved = flips(on(new TileRange(100, 123), new TileRange(24, 29)), 0);
        assertTrue(here[0].length > 10, "enough misreads to compare: " + here[0].length);
        assertFalse(Arrays.equals(here[0], moved[0]), "h on other tiles, other devices");
        assertArrayEquals(here[1], moved[1], "o on the same tiles, the same devices");
        assertArrayEquals(here[0], flips(on(new TileRange(0, 23), new TileRange(40, 45)), 0)[0],
                "h on tiles 0..23 meets the same devices whatever o's placement");
        assertFalse(Arrays.equals(here[0], flips(on(new TileRange(0, 23), new TileRange(24, 29)), 1)[0]), "another chip instance");
    }

    @Test
    void spareTilesAfterALayerDoNotChangeItsDevices() {
        assertArrayEquals(flips(on(new TileRange(0, 23), new TileRange(24, 29)), 0)[0],
                flips(on(new TileRange(0, 30), new TileRange(31, 36)), 0)[0], "h uses the first 24 tiles of its range");
    }

    @Test
    void explicitMappingsPassTheirTilesAndAutomaticOnesNone() {
        DeviceSpec device = new DeviceSpec("D", "stack", List.of(Presets.NOMINAL), StuckAt.NONE);
        TileSpec tile = TileSpec.builder("T", 8, 16).device(device).sense(Presets.SENSE_AMP).build();
        ChipSpec chip = new ChipSpec("C", 64, tile);
        MappingSpec auto = new MappingSpec("A", SPEC, chip, Optional.of("nominal"), Map.of(), false);
        assertEquals(List.of(), DeviceErrors.forMapping(auto, Resampling.PER_CHIP).tiles());
        MappingSpec placed = new MappingSpec("P", SPEC, chip, Optional.of("nominal"), Map.of(), false,
                Placement.explicit(Map.of("h", new TileRange(40, 63), "o", new TileRange(0, 5))));
        DeviceErrors errors = DeviceErrors.forMapping(placed, Resampling.PER_CHIP);
        assertEquals(List.of(new TileRange(40, 63), new TileRange(0, 5)), errors.tiles(), "in the network's order");
        assertEquals(errors.tiles(), errors.withRegime(Presets.LOW).withResampling(Resampling.PER_READ).tiles());
    }

    @Test
    void theMisreadRateOnPhysicalTilesIsTheAnalyticBer() {
        WeightMatrix layer = TestNetworks.randomWeights(1024, 512, 77);
        StuckAt stuckAt = new StuckAt(1e-3, 2e-3);
        MarginSampler sampler = new DeviceErrors(Presets.VERY_LOW, Presets.SENSE_AMP, stuckAt, new TileFolding(32, 32),
                Resampling.PER_CHIP, 1).marginSampler();
        double ber = BitErrorRates.twoTwoR(Presets.VERY_LOW, Presets.SENSE_AMP, stuckAt);
        int chips = (int) Math.ceil(300 / (ber * layer.size()));
        SenseAmpOffsets offsets = new SenseAmpOffsets(Presets.SENSE_AMP);
        long misreads = 0;
        for (int trial = 0; trial < chips; trial++) {
            LayerMargins margins = sampler.sample(layer, DeviceKeys.chipTiles(5, trial), 0, new TileRange(7, 7 + 512 - 1));
            misreads += margins.misreadIn(DeviceKeys.frozenRead(DeviceKeys.chipLayer(5, trial, 0)), offsets).length;
        }
        PerChipMisreadRateTest.assertBinomial("very-low on tiles 7..518", misreads, chips * layer.size(), ber);
    }
}
