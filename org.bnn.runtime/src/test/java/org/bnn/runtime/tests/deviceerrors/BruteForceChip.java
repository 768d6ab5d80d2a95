package org.bnn.runtime.tests.deviceerrors;

import java.util.Arrays;

import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pcsa;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.random.KeyedRandom;

/**
 * The device-level model written out cell by cell, without the radius screen, the fragile cut-off
 * or precomputed tables: every cell's end states from CellSampler, its margin normal, its
 * amplifier (layer, row chunk, column chunk, column) and that amplifier's mismatch, a noise for
 * every sense, and the PCSA's decision. What the fast path must reproduce exactly.
 */
final class BruteForceChip {
    private BruteForceChip() {
    }

    /** Positions the PCSA misreads in the read keyed {@code readKey}, ascending. */
    static long[] misreads(DeviceErrors errors, WeightMatrix weights, long chipLayerKey, long readKey) {
        CellSampler cells = new CellSampler(errors.regime(), errors.stuckAt());
        SenseAmpOffsets offsets = new SenseAmpOffsets(errors.senseAmp());
        int rows = errors.folding().rows();
        int columns = errors.folding().columns();
        int fanIn = weights.fanIn();
        int columnChunks = (fanIn + columns - 1) / columns;
        long[] misread = new long[16];
        int count = 0;
        for (int k = 0; k < weights.rows(); k++) {
            for (int j = 0; j < fanIn; j++) {
                long position = (long) k * fanIn + j;
                boolean weight = weights.bit(k, j);
                boolean blLow = cells.endsLow(chipLayerKey, 2 * position, weight);
                boolean blbLow = cells.endsLow(chipLayerKey, 2 * position + 1, !weight);
                LogNormal bl = blLow ? errors.regime().lrs() : errors.regime().hrs();
                LogNormal blb = blbLow ? errors.regime().lrs() : errors.regime().hrs();
                double z = KeyedRandom.gaussian(DeviceKeys.margins(chipLayerKey), position);
                double bitLineDifference = (blb.lnMedian() - bl.lnMedian())
                        + Math.sqrt(bl.sigma() * bl.sigma() + blb.sigma() * blb.sigma()) * z;
                int rowChunk = k / rows;
                int columnChunk = j / columns;
                int column = j % columns;
                long amplifier = ((long) rowChunk * columnChunks + columnChunk) * columns + column;
                double offset = offsets.offset(chipLayerKey, amplifier, readKey, position);
                if (Pcsa.weightRead(0.0, bitLineDifference, offset) != weight) {
                    if (count == misread.length) {
                        misread = Arrays.copyOf(misread, 2 * count);
                    }
                    misread[count++] = position;
                }
            }
        }
        return Arrays.copyOf(misread, count);
    }
}
