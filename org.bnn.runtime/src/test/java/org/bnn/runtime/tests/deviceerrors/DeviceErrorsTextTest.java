package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;

import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.spec.TileRange;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.errors.TernaryLayers;
import org.bnn.runtime.spec.CellTechnology;
import org.junit.jupiter.api.Test;

/** How device-level errors describe themselves (in messages and reports), and the resampling a level accepts. */
class DeviceErrorsTextTest {
    @Test
    void textNamesEveryParameterAndOnlyTheOptionalPartsGiven() {
        DeviceErrors plain = new DeviceErrors(Presets.NOMINAL, Presets.SENSE_AMP, new StuckAt(0.001, 0.002), new TileFolding(16, 32),
                Resampling.PER_READ, 3);
        assertEquals("DeviceErrors[regime nominal, mismatch 0.02, noise 0.01, stuck-at LRS 0.001 HRS 0.002, tiles 16x32, PER_READ]",
                plain.toString());
        assertEquals("DeviceErrors[regime nominal, mismatch 0.02, noise 0.01, stuck-at LRS 0.001 HRS 0.002, tiles 16x32, PER_READ"
                + ", error-free layers [0, 2]]", plain.withErrorFreeLayers(Set.of(2, 0)).toString());
        DeviceErrors placed = new DeviceErrors(Presets.NOMINAL, Presets.SENSE_AMP, StuckAt.NONE, new TileFolding(16, 32),
                Resampling.PER_CHIP, 2, Set.of(), List.of(new TileRange(0, 3), new TileRange(4, 4)));
        assertEquals("DeviceErrors[regime nominal, mismatch 0.02, noise 0.01, stuck-at LRS 0.0 HRS 0.0, tiles 16x32, PER_CHIP"
                + ", on tiles " + List.of(new TileRange(0, 3).span(), new TileRange(4, 4).span()) + "]", placed.toString());
        DeviceErrors ternary = plain.withTernaryLayers(new TernaryLayers(
                new CellTechnology.TwoTransistorTwoResistorTernary(new ReadReference.Fixed(20e3)), Set.of(2, 0), List.of(10L, 20L, 30L)));
        assertEquals("DeviceErrors[regime nominal, mismatch 0.02, noise 0.01, stuck-at LRS 0.001 HRS 0.002, tiles 16x32, PER_READ"
                + ", ternary layers [0, 2] (zero threshold 20.0 kOhm)]", ternary.toString());
    }

    @Test
    void aSupportedResamplingIsReturned() {
        assertSame(Resampling.PER_READ, ErrorLevel.DEVICE.requireSupported(Resampling.PER_READ));
        assertSame(Resampling.PER_INFERENCE, ErrorLevel.WEIGHT.requireSupported(Resampling.PER_INFERENCE));
    }
}
