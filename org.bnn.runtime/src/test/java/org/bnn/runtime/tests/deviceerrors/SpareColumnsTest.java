package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.spec.TileRange;
import org.junit.jupiter.api.Test;

/**
 * Spare columns replace the columns with stuck devices: with as many usable spares as a tile needs
 * the chip reads exactly like one without stuck devices (same draws, cell for cell); with none it
 * misreads more; with one per tile, in between. Both placements (devices keyed by layer or by
 * physical tile).
 */
class SpareColumnsTest {
    private static final WeightMatrix LAYER = TestNetworks.randomWeights(200, 100, 3); // partial tiles at both edges
    private static final StuckAt STUCK = new StuckAt(5e-4, 5e-4);
    private static final SenseAmpOffsets OFFSETS = new SenseAmpOffsets(Presets.SENSE_AMP);

    private static long[] misreads(StuckAt stuckAt, int spares, boolean placed) {
        DeviceErrors errors = new DeviceErrors(Presets.LOW, Presets.SENSE_AMP, stuckAt, new TileFolding(32, 32, spares),
                Resampling.PER_CHIP, 1);
        long key = DeviceKeys.chipLayer(7, 0, 0);
        var margins = placed
                ? errors.marginSampler().sample(LAYER, DeviceKeys.chipTiles(7, 0), 0, new TileRange(0, 40))
                : errors.marginSampler().sample(LAYER, key);
        return margins.misreadIn(DeviceKeys.frozenRead(key), OFFSETS);
    }

    @Test
    void enoughSparesReadLikeAChipWithoutStuckDevices() {
        for (boolean placed : new boolean[] {false, true}) {
            long[] intact = misreads(StuckAt.NONE, 0, placed);
            assertArrayEquals(intact, misreads(STUCK, 32, placed), "placed " + placed);
            long[] unrepaired = misreads(STUCK, 0, placed);
            long[] oneSpare = misreads(STUCK, 1, placed);
            System.out.printf("placed %b: misreads intact %d, 1 spare per tile %d, no spare %d%n", placed, intact.length, oneSpare.length,
                    unrepaired.length);
            assertTrue(unrepaired.length > oneSpare.length && oneSpare.length > intact.length,
                    "no spare " + unrepaired.length + " > one spare " + oneSpare.length + " > intact " + intact.length);
        }
    }
}
