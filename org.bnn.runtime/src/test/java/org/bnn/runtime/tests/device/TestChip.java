package org.bnn.runtime.tests.device;

import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.Pcsa;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.random.KeyedRandom;

/**
 * A test chip: cells spread over {@code amplifiers} columns, each with its static mismatch, read
 * once each with fresh noise, holding random weights. Everything is keyed by the chip key.
 */
final class TestChip {
    private final CellSampler cells;
    private final SenseAmpOffsets offsets;
    private final long chipKey;
    private final long readKey;
    private final long weightKey;
    private final double[] mismatch;

    TestChip(CellSampler cells, SenseAmpSpec senseAmp, long chipKey, int amplifiers) {
        this.cells = cells;
        this.offsets = new SenseAmpOffsets(senseAmp);
        this.chipKey = chipKey;
        this.readKey = KeyedRandom.key(chipKey, 1);
        this.weightKey = KeyedRandom.key(chipKey, 2);
        this.mismatch = new double[amplifiers];
        for (int a = 0; a < amplifiers; a++) { // fixed per chip, computed once as a simulator would
            mismatch[a] = offsets.mismatch(chipKey, a);
        }
    }

    /** The weight programmed into cell {@code cell}: a fair random bit. */
    boolean weight(long cell) {
        return (KeyedRandom.bits(weightKey, cell) & 1) != 0;
    }

    /** The static offset of the amplifier that reads cell {@code cell}. */
    double mismatch(long cell) {
        return mismatch[(int) (cell % mismatch.length)];
    }

    /** The noise of the one read of cell {@code cell}. */
    double noise(long cell) {
        return offsets.noise(readKey, cell);
    }

    /** The total PCSA offset of the one read of cell {@code cell}. */
    double offset(long cell) {
        return mismatch(cell) + noise(cell);
    }

    /** ln R of the BL or BLb device of 2T2R cell {@code cell}, which holds {@code weight}. */
    double lnR(long cell, boolean onBitLineBar, boolean weight) {
        return cells.lnR(chipKey, cell, onBitLineBar, weight);
    }

    /** The weight the PCSA reads from 2T2R cell {@code cell}, offsets included. */
    boolean readTwoTwoR(long cell) {
        boolean weight = weight(cell);
        return Pcsa.weightRead(lnR(cell, false, weight), lnR(cell, true, weight), offset(cell));
    }

    /** Whether the PCSA misreads 2T2R cell {@code cell}. */
    boolean misreadTwoTwoR(long cell) {
        return readTwoTwoR(cell) != weight(cell);
    }

    /** Whether 1T1R cell {@code cell} is misread against a reference given by its logarithm. */
    boolean misreadOneTOneR(long cell, double lnReference) {
        boolean weight = weight(cell);
        return Pcsa.oneTOneRRead(cells.lnROneTOneR(chipKey, cell, weight), lnReference) != weight;
    }
}
