package org.bnn.runtime.errors;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryCellSampler;
import org.bnn.runtime.device.TernaryPcsa;
import org.bnn.runtime.engine.TernaryPlanes;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.spec.TileRange;

/**
 * Programs one ternary layer of one chip instance and files every 2T2R cell by its static read
 * ({@link TernaryLayerMargins}), in one pass over the weights. Unlike {@link MarginSampler}, which
 * draws the binary margin Δ as one normal, it draws both devices' resistances: whether a sense
 * reads 0 depends on each of them against the zero threshold, not on Δ alone. They are the draws
 * of {@link TernaryCellSampler#lnR} (stuck-at faults and resistances under the chip-layer key, by
 * cell k·N + j) under automatic placement, so the sampled reads are those of the device model
 * whose analytic confusion is {@link org.bnn.runtime.device.TernaryReads}. Under an explicit
 * placement, stuck-at faults are the tile's (by cell row · C + column) and resistances are drawn
 * anew for each layer programmed into it, as {@link MarginSampler} keys them.
 */
final class TernaryMarginSampler {
    private final CellSampler cells;
    private final SenseAmpOffsets offsets;
    private final TileFolding folding;
    private final double reach;
    private final double lnZeroThreshold;

    TernaryMarginSampler(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding, double lnZeroThreshold) {
        this.cells = new CellSampler(Checks.present("TernaryMarginSampler", "regime", regime),
                Checks.present("TernaryMarginSampler", "stuckAt", stuckAt));
        this.offsets = new SenseAmpOffsets(Checks.present("TernaryMarginSampler", "senseAmp", senseAmp));
        this.folding = Checks.present("TernaryMarginSampler", "folding", folding);
        this.reach = NoiseReach.of(senseAmp);
        this.lnZeroThreshold = lnZeroThreshold;
    }

    /**
     * The static reads of the ternary layer stored as {@code stored} (rows of 2N plane bits) on the
     * chip layer keyed {@code chipLayerKey} (automatic placement): the mismatch of the layer's
     * amplifier {@link TileFolding#amplifier}, cell k·N + j's devices under the same key.
     */
    TernaryLayerMargins sample(WeightMatrix stored, long chipLayerKey) {
        int fanIn = stored.fanIn() / 2;
        double[] mismatch = new double[folding.amplifiers(fanIn, stored.rows())];
        for (int a = 0; a < mismatch.length; a++) {
            mismatch[a] = offsets.mismatch(chipLayerKey, a);
        }
        TernaryLayerMargins.Builder filed = new TernaryLayerMargins.Builder(fanIn);
        for (int k = 0; k < stored.rows(); k++) {
            int rowAmplifier = folding.firstAmplifierOfRow(fanIn, k);
            for (int j = 0; j < fanIn; j++) {
                cell(filed, stored, k, j, chipLayerKey, chipLayerKey, (long) k * fanIn + j, mismatch[rowAmplifier + j]);
            }
        }
        return filed.build();
    }

    /**
     * The static reads of the ternary layer {@code layer} stored as {@code stored}, programmed on the
     * physical tiles {@code tiles} of the chip instance keyed {@code chipTilesKey} (explicit
     * placement), tiles and amplifiers as {@link MarginSampler#sample(WeightMatrix, long, int, TileRange)} finds them.
     */
    TernaryLayerMargins sample(WeightMatrix stored, long chipTilesKey, int layer, TileRange tiles) {
        int fanIn = stored.fanIn() / 2;
        int columns = folding.columns();
        int columnChunks = folding.columnChunks(fanIn);
        int localTiles = folding.rowChunks(stored.rows()) * columnChunks;
        long[] deviceKeys = new long[localTiles];
        long[] resistanceKeys = new long[localTiles];
        double[] mismatch = new double[localTiles * columns];
        for (int local = 0; local < localTiles; local++) {
            deviceKeys[local] = DeviceKeys.tile(chipTilesKey, tiles.first() + local % tiles.count());
            resistanceKeys[local] = DeviceKeys.programming(deviceKeys[local], layer);
            for (int column = 0; column < columns; column++) {
                mismatch[local * columns + column] = offsets.mismatch(deviceKeys[local], column);
            }
        }
        TernaryLayerMargins.Builder filed = new TernaryLayerMargins.Builder(fanIn);
        for (int k = 0; k < stored.rows(); k++) {
            int firstLocal = k / folding.rows() * columnChunks;
            long rowCell = (long) (k % folding.rows()) * columns;
            for (int j = 0; j < fanIn; j++) {
                int local = firstLocal + j / columns;
                int column = j % columns;
                cell(filed, stored, k, j, deviceKeys[local], resistanceKeys[local], rowCell + column,
                        mismatch[local * columns + column]);
            }
        }
        return filed.build();
    }

    /**
     * Files weight (k, j): its devices' stuck-at draws from {@code deviceKey}, their resistances
     * from {@code resistanceKey}, both at 2T2R cell {@code cell}.
     */
    private void cell(TernaryLayerMargins.Builder filed, WeightMatrix stored, int k, int j, long deviceKey, long resistanceKey, long cell,
            double mismatch) {
        int fanIn = stored.fanIn() / 2;
        int storedBits = (stored.bit(k, j) ? 1 : 0) | (stored.bit(k, fanIn + j) ? 2 : 0);
        int weight = TernaryPlanes.value(stored, k, j, fanIn);
        double lnRBl = lnR(deviceKey, resistanceKey, cell, false, weight);
        double lnRBlb = lnR(deviceKey, resistanceKey, cell, true, weight);
        long position = TernaryPlanes.position(k, j, 0, fanIn);
        if (!TernaryPcsa.discharges(lnRBl, lnZeroThreshold) && !TernaryPcsa.discharges(lnRBlb, lnZeroThreshold)) {
            filed.addZeroRead(position, storedBits, weight);
        } else {
            filed.addSignRead(position, storedBits, weight, lnRBlb - lnRBl, mismatch, reach);
        }
    }

    private double lnR(long deviceKey, long resistanceKey, long cell, boolean onBitLineBar, int weight) {
        long device = CellSampler.twoTwoRDevice(cell, onBitLineBar);
        return cells.lnRInState(resistanceKey, device, cells.endsLow(deviceKey, device, TernaryPcsa.programmedLow(weight, onBitLineBar)));
    }
}
