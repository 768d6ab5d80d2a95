package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.CellKind;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.LayerKind;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

class EstimatorTest {
    private static final TileSpec T32 = new TileSpec("T32", 32, 32, CellKind.TWO_T_TWO_R);

    @Test
    void denseLayerTilesAreColumnChunksTimesRowChunks() {
        assertEquals(25 * 32, Estimator.estimate(new LayerSpec("fc1", LayerKind.DENSE, 784, 1024), T32).tiles());
        assertEquals(32, Estimator.estimate(new LayerSpec("out", LayerKind.OUTPUT, 1024, 10), T32).tiles());
        TileSpec wide = new TileSpec("W", 16, 100, CellKind.TWO_T_TWO_R);
        var estimate = Estimator.estimate(new LayerSpec("l", LayerKind.DENSE, 250, 17), wide);
        assertEquals(3, estimate.columnChunks());
        assertEquals(2, estimate.rowChunks());
        assertEquals(6, estimate.tiles());
    }

    @Test
    void referenceNetworkNeeds2880TilesOf32x32() {
        NetworkSpec mlp = NetworkSpec.builder("Mlp", "pixels", 28, 28)
                .dense("fc1", 1024).dense("fc2", 1024).dense("fc3", 1024).output("out", 10).build();
        MappingEstimate fits = Estimator.estimate(new MappingSpec("m", mlp, new ChipSpec("C", 2880, T32)));
        assertEquals(2880, fits.tilesNeeded());
        assertTrue(fits.fits());
        MappingEstimate tooSmall = Estimator.estimate(new MappingSpec("m", mlp, new ChipSpec("C", 2879, T32)));
        assertFalse(tooSmall.fits());
    }
}
