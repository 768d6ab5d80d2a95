package org.bnn.dsl.ide.estimate;

import java.util.Optional;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.TileSpec;

/**
 * The bit error rate of cells under a regime, after decoding when the cells carry a code, and
 * words saying how the cells are read: all asked of the cell technology
 * ({@link CellTechnology#bitErrorRate}). No formula of its own.
 */
public final class RegimeErrorRates {

    private RegimeErrorRates() {
    }

    /** The BER of {@code tile}'s cells under its device's regime {@code regimeName}; empty without device or regime. */
    public static Optional<RegimeBer> of(TileSpec tile, String regimeName) {
        Optional<DeviceSpec> device = tile.device();
        if (device.isEmpty() || !device.get().regimeNames().contains(regimeName)) {
            return Optional.empty();
        }
        return Optional.of(of(tile.cell(), tile.sense(), device.get(), regimeName));
    }

    /** The BER of {@code cell} cells made of {@code device} (its stuck-at faults included), programmed under {@code regimeName}. */
    public static RegimeBer of(CellTechnology cell, Optional<SenseAmpSpec> sense, DeviceSpec device, String regimeName) {
        RegimeSpec regime = device.regime(regimeName);
        double raw = cell.bitErrorRate(regime, sense, device.stuckAt());
        return new RegimeBer(regimeName, raw, cell.bitErrorRateAfterDecoding(raw), cell.readDescription(regime, sense));
    }
}
