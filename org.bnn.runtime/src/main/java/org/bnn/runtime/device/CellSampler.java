package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

import org.bnn.runtime.random.KeyedRandom;

/**
 * Draws the resistances of programmed cells, as ln R, under one regime with stuck-at faults. Every
 * value is a pure function of (chip key, device index): the same cell of the same chip always has
 * the same resistance, whatever the call order or the thread. A chip key stands for one chip
 * instance programmed once (docs/language.md, device-level errors drawn per chip); stuck-at faults
 * and resistances come from different streams of that key.
 *
 * <p>2T2R cell {@code c} has devices {@code 2c} (BL) and {@code 2c + 1} (BLb); a weight +1 is LRS
 * on BL and HRS on BLb. A 1T1R cell {@code c} is device {@code c}, LRS for +1. The methods are
 * allocation-free, for the reference engine's cell-by-cell walk.
 */
public final class CellSampler {
    private final double lnLrs;
    private final double sigmaLrs;
    private final double lnHrs;
    private final double sigmaHrs;
    private final double stuckAtLrs;
    private final double stuckAtHrs;
    private final double stuck;

    public CellSampler(RegimeSpec regime, StuckAt stuckAt) {
        Checks.present("CellSampler", "regime", regime);
        Checks.present("CellSampler", "stuckAt", stuckAt);
        this.lnLrs = regime.lrs().lnMedian();
        this.sigmaLrs = regime.lrs().sigma();
        this.lnHrs = regime.hrs().lnMedian();
        this.sigmaHrs = regime.hrs().sigma();
        this.stuckAtLrs = stuckAt.stuckAtLrsProbability();
        this.stuckAtHrs = stuckAt.stuckAtHrsProbability();
        this.stuck = stuckAt.stuckProbability();
    }

    /** The index of the BL ({@code onBitLineBar} false) or BLb device of 2T2R cell {@code cellIndex}. */
    public static long twoTwoRDevice(long cellIndex, boolean onBitLineBar) {
        return 2 * cellIndex + (onBitLineBar ? 1 : 0);
    }

    /** ln R (R in ohms) of the BL or BLb device of 2T2R cell {@code cellIndex} programmed with {@code weight}. */
    public double lnR(long chipKey, long cellIndex, boolean onBitLineBar, boolean weight) {
        return lnRDevice(chipKey, twoTwoRDevice(cellIndex, onBitLineBar), weight != onBitLineBar);
    }

    /** ln R (R in ohms) of 1T1R cell {@code cellIndex} programmed with {@code weight} (+1 ↔ LRS). */
    public double lnROneTOneR(long chipKey, long cellIndex, boolean weight) {
        return lnRDevice(chipKey, cellIndex, weight);
    }

    /** ln R (R in ohms) of a device programmed to the LRS ({@code programmedLow}) or the HRS. */
    public double lnRDevice(long chipKey, long deviceIndex, boolean programmedLow) {
        return lnRInState(chipKey, deviceIndex, endsLow(chipKey, deviceIndex, programmedLow));
    }

    /**
     * ln R (R in ohms) of a device that ends in the LRS ({@code endsLow}) or the HRS, its normal
     * drawn under {@code resistanceKey}: with the chip key, what {@link #lnRDevice} draws; a tile
     * reprogrammed with another layer passes another key (device-level errors under a placement).
     */
    public double lnRInState(long resistanceKey, long deviceIndex, boolean endsLow) {
        double z = KeyedRandom.gaussian(KeyedRandom.key(resistanceKey, RandomStreams.RESISTANCE), deviceIndex);
        return endsLow ? lnLrs + sigmaLrs * z : lnHrs + sigmaHrs * z;
    }

    /** Whether the device is stuck (in either state), as a test that writes both states finds it. */
    public boolean stuck(long chipKey, long deviceIndex) {
        return stuck != 0 && stuckState(chipKey, deviceIndex) != 0;
    }

    /**
     * Whether the device ends in the LRS: a stuck device keeps its stuck state whatever is programmed.
     * One uniform u per device decides: stuck in the LRS iff u &lt; p_L, in the HRS iff u ≥ 1 − p_H.
     * Both intervals only grow with p_L and p_H, so as devices age (more of them stuck,
     * {@link org.bnn.runtime.aging.Aging#at}) a device stuck at one condition stays stuck at every later one.
     */
    public boolean endsLow(long chipKey, long deviceIndex, boolean programmedLow) {
        if (stuck == 0) {
            return programmedLow;
        }
        int state = stuckState(chipKey, deviceIndex);
        return state == 0 ? programmedLow : state < 0;
    }

    /** −1 if the device is stuck in the LRS, +1 if in the HRS, 0 if it is not stuck (one keyed uniform per device). */
    private int stuckState(long chipKey, long deviceIndex) {
        double u = KeyedRandom.uniform(KeyedRandom.key(chipKey, RandomStreams.STUCK_AT), deviceIndex);
        return u < stuckAtLrs ? -1 : u >= 1 - stuckAtHrs ? 1 : 0;
    }
}
