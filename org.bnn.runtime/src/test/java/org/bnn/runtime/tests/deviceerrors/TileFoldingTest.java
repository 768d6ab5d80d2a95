package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/** Which amplifier reads which weight when a layer is folded onto R x C tiles. */
class TileFoldingTest {
    /** 7 rows, 20 columns: a layer of 15 neurons x 45 inputs needs 3 row chunks x 3 column chunks. */
    private static final TileFolding FOLDING = new TileFolding(7, 20);

    @Test
    void chunksRoundUp() {
        assertEquals(1, FOLDING.columnChunks(1));
        assertEquals(1, FOLDING.columnChunks(20));
        assertEquals(2, FOLDING.columnChunks(21));
        assertEquals(3, FOLDING.columnChunks(45));
        assertEquals(1, FOLDING.rowChunks(7));
        assertEquals(2, FOLDING.rowChunks(8));
        assertEquals(3, FOLDING.rowChunks(15));
    }

    @Test
    void everyTileHasItsOwnAmplifiersOnePerColumn() {
        // 3 row chunks x 3 column chunks x 20 columns, the unused columns of the last chunk included.
        assertEquals(180, FOLDING.amplifiers(45, 15));
        // Neurons 0..6 share the first row of tiles, 7..13 the second, 14 the third.
        assertEquals(0, FOLDING.firstAmplifierOfRow(45, 0));
        assertEquals(0, FOLDING.firstAmplifierOfRow(45, 6));
        assertEquals(60, FOLDING.firstAmplifierOfRow(45, 7));
        assertEquals(120, FOLDING.firstAmplifierOfRow(45, 14));
        // Weight j of a neuron is read by column j mod C of column chunk j / C.
        assertEquals(60 + 44, FOLDING.amplifier(45, 13, 44));
        assertEquals(120 + 21, FOLDING.amplifier(45, 14, 21));
        assertEquals(0, FOLDING.amplifier(45, 3, 0));
    }

    @Test
    void foldingOfATileAndItsChecks() {
        assertEquals(new TileFolding(32, 16), TileFolding.of(new TileSpec("T", 32, 16, new CellTechnology.TwoTransistorTwoResistor())));
        assertThrows(IllegalArgumentException.class, () -> new TileFolding(0, 16));
        assertThrows(IllegalArgumentException.class, () -> new TileFolding(16, 0));
        assertThrows(ArithmeticException.class, () -> new TileFolding(1, 1 << 16).amplifiers(1 << 16, 1 << 16),
                "an amplifier count beyond int overflows loudly");
    }
}
