package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * Draws the resistances of 2T2R cells programmed with ternary weights and reads them, with the
 * binary sampler's keyed streams ({@link CellSampler}): cell {@code c} has devices {@code 2c} (BL)
 * and {@code 2c + 1} (BLb), every value is a pure function of (chip key, device index), so the
 * same seed gives the same reads in any order. A stored 0 programs both devices to the HRS
 * ({@link TernaryPcsa}); stuck-at faults apply per device as for binary cells.
 */
public final class TernaryCellSampler {
    private final CellSampler devices;

    public TernaryCellSampler(RegimeSpec regime, StuckAt stuckAt) {
        this.devices = new CellSampler(Checks.present("TernaryCellSampler", "regime", regime),
                Checks.present("TernaryCellSampler", "stuckAt", stuckAt));
    }

    /** ln R (R in ohms) of the BL or BLb device of cell {@code cellIndex} programmed with {@code weight} (−1, 0, +1). */
    public double lnR(long chipKey, long cellIndex, boolean onBitLineBar, int weight) {
        return devices.lnRDevice(chipKey, CellSampler.twoTwoRDevice(cellIndex, onBitLineBar),
                TernaryPcsa.programmedLow(weight, onBitLineBar));
    }

    /** The weight one sense reads from cell {@code cellIndex} storing {@code weight}, with the amplifier's total {@code offset}. */
    public int read(long chipKey, long cellIndex, int weight, double lnZeroThreshold, double offset) {
        return TernaryPcsa.weightRead(lnR(chipKey, cellIndex, false, weight), lnR(chipKey, cellIndex, true, weight), lnZeroThreshold,
                offset);
    }
}
