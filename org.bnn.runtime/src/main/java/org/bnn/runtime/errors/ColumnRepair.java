package org.bnn.runtime.errors;

import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.random.KeyedRandom;

/**
 * Which columns of a layer's tiles a test after fabrication replaces by spare columns
 * (docs/reliability.md, "Yield and repair"). A column is faulty if any device of the cells the
 * layer uses in it is stuck ({@link CellSampler#stuck}); each tile replaces its faulty columns,
 * lowest first, by its spare columns as long as it has usable ones. A spare is usable if none of
 * the 2R devices of its R cells is stuck, probability (1 − p_L − p_H)^{2R}, drawn once per spare
 * (keyed by the tile and the spare's index, so the same chip always has the same spares); the
 * cells of a replaced column are then intact: read like any programmed cell, with the draws of the
 * cell they replace (the same distribution, since intact devices are alike).
 * <p>
 * The test finds the devices stuck under the read's condition: at a fresh chip these are the
 * fabrication faults; for an aged chip it stands for a test and repair just before the read.
 */
final class ColumnRepair {
    /** Where a column's cells are: the device key of its tile and the cell index of its row {@code row} (or −1 if unused). */
    interface ColumnCells {
        /** The key of the devices of local tile {@code local}. */
        long deviceKey(int local);

        /** The key of the spare columns of local tile {@code local}: the physical tile's. */
        long spareKey(int local);

        /** The cell index of row {@code row} (0 ≤ row &lt; R) of column {@code column} of local tile {@code local}, or −1 if the layer does not use it. */
        long cell(int local, int row, int column);
    }

    private ColumnRepair() {
    }

    /**
     * The replaced columns, by amplifier index local · C + column; null when the tiles have no spares or
     * no device is stuck (nothing to replace).
     */
    static boolean[] replaced(int localTiles, TileFolding folding, CellSampler cells, StuckAt stuckAt, ColumnCells where) {
        int spares = folding.spareColumns();
        if (spares == 0 || stuckAt.stuckProbability() == 0) {
            return null;
        }
        int columns = folding.columns();
        double usable = Math.pow(1 - stuckAt.stuckProbability(), 2.0 * folding.rows());
        boolean[] replaced = new boolean[localTiles * columns];
        for (int local = 0; local < localTiles; local++) {
            long deviceKey = where.deviceKey(local);
            long spareKey = where.spareKey(local);
            int spare = 0;
            for (int column = 0; column < columns && spare < spares; column++) {
                if (!faulty(cells, where, deviceKey, local, column, folding.rows())) {
                    continue;
                }
                while (spare < spares && KeyedRandom.uniform(spareKey, spare) >= usable) {
                    spare++; // this spare is faulty itself
                }
                if (spare < spares) {
                    replaced[local * columns + column] = true;
                    spare++;
                }
            }
        }
        return replaced;
    }

    private static boolean faulty(CellSampler cells, ColumnCells where, long deviceKey, int local, int column, int rows) {
        for (int row = 0; row < rows; row++) {
            long cell = where.cell(local, row, column);
            if (cell >= 0 && (cells.stuck(deviceKey, CellSampler.twoTwoRDevice(cell, false))
                    || cells.stuck(deviceKey, CellSampler.twoTwoRDevice(cell, true)))) {
                return true;
            }
        }
        return false;
    }
}
