package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.bnn.runtime.spec.CellKind;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.LayerKind;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/** Spec constructors reject impossible values with messages naming the field and the value. */
class SpecTest {

    @Test
    void nonPositiveSizesAreRejectedWithFieldAndValue() {
        assertEquals("TileSpec.rows must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new TileSpec("T", 0, 32, CellKind.TWO_T_TWO_R)).getMessage());
        assertEquals("TileSpec.columns must be positive, got -3",
                assertThrows(IllegalArgumentException.class, () -> new TileSpec("T", 32, -3, CellKind.TWO_T_TWO_R)).getMessage());
        TileSpec tile = new TileSpec("T", 32, 32, CellKind.TWO_T_TWO_R);
        assertEquals("ChipSpec.tileCount must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new ChipSpec("C", 0, tile)).getMessage());
        assertEquals("LayerSpec(fc1).fanOut must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new LayerSpec("fc1", LayerKind.DENSE, 4, 0)).getMessage());
    }

    @Test
    void networkLayersMustChainAndEndWithOutput() {
        LayerSpec fc = new LayerSpec("fc", LayerKind.DENSE, 10, 5);
        LayerSpec out = new LayerSpec("out", LayerKind.OUTPUT, 4, 2);
        assertEquals("NetworkSpec(N).layers: out.fanIn is 4 but the previous layer gives 5",
                assertThrows(IllegalArgumentException.class,
                        () -> new NetworkSpec("N", "in", List.of(10), List.of(fc, out))).getMessage());
        assertEquals("NetworkSpec(N).layers must end with an OUTPUT layer",
                assertThrows(IllegalArgumentException.class,
                        () -> new NetworkSpec("N", "in", List.of(10), List.of(fc))).getMessage());
        NetworkSpec ok = NetworkSpec.builder("N", "in", 2, 5).dense("fc", 5).output("out", 2).build();
        assertEquals(10, ok.inputSize());
        assertEquals(2, ok.classes());
        assertEquals(5, ok.outputLayer().fanIn());
    }

    @Test
    void cellKindsAreFoundByTheirLanguageLabel() {
        assertEquals(CellKind.TWO_T_TWO_R, CellKind.fromLabel("2T2R"));
        assertThrows(IllegalArgumentException.class, () -> CellKind.fromLabel("3T3R"));
    }
}
