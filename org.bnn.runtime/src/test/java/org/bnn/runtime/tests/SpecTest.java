package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/** Spec constructors reject impossible values with messages naming the field and the value. */
class SpecTest {

    private static String rejection(org.junit.jupiter.api.function.Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }

    @Test
    void nonPositiveSizesAreRejectedWithFieldAndValue() {
        assertEquals("TileSpec.rows must be positive, got 0",
                rejection(() -> new TileSpec("T", 0, 32, new CellTechnology.TwoTransistorTwoResistor())));
        assertEquals("TileSpec.columns must be positive, got -3",
                rejection(() -> new TileSpec("T", 32, -3, new CellTechnology.TwoTransistorTwoResistor())));
        TileSpec tile = new TileSpec("T", 32, 32, new CellTechnology.TwoTransistorTwoResistor());
        assertEquals("ChipSpec.tileCount must be positive, got 0", rejection(() -> new ChipSpec("C", 0, tile)));
        assertEquals("Dense(fc1).neurons must be positive, got 0", rejection(() -> new LayerSpec.Dense("fc1", 0)));
        assertEquals("Padding.value must be -1 or +1, got 0", rejection(() -> new Padding(1, 0)));
        assertEquals("BitSerial.bits must be in 1..16, got 17", rejection(() -> new InputEncoding.BitSerial(17)));
        assertEquals("Binarize.threshold must be in [0, 1], got 2.0", rejection(() -> new InputEncoding.Binarize(2)));
    }

    @Test
    void networksMustEndWithOneOutputLayer() {
        assertEquals("NetworkSpec(N).layers must end with an output layer",
                rejection(() -> NetworkSpec.builder("N", "in", 10).dense("fc", 5).build()));
        assertEquals("NetworkSpec(N): output layer o must be the last layer",
                rejection(() -> NetworkSpec.builder("N", "in", 10).output("o", 3).dense("fc", 5).output("o2", 2).build()));
        assertEquals("NetworkSpec(N) has two layers (or the input and a layer) named in",
                rejection(() -> NetworkSpec.builder("N", "in", 10).dense("in", 5).output("o", 2).build()));
        NetworkSpec ok = NetworkSpec.builder("N", "in", 2, 5).dense("fc", 5).output("out", 2).build();
        assertEquals(10, ok.inputSize());
        assertEquals(2, ok.classes());
        assertEquals(5, ok.geometry().get(1).fanIn());
    }

    @Test
    void impossibleShapesAreRejected() {
        assertEquals("NetworkSpec(N): layer c gives an output height of 0 (input 4, window 5, stride 1, padding 0)",
                rejection(() -> NetworkSpec.builder("N", "img", 4, 4).conv("c", 8, 5, 1, Padding.VALID).output("o", 2).build()));
        assertEquals("NetworkSpec(N): pool p cannot pool the raw input; put it after a conv layer",
                rejection(() -> NetworkSpec.builder("N", "img", 4, 4).pool("p", PoolKind.MAX, 2, 2).output("o", 2).build()));
        assertEquals("NetworkSpec(N): average pool p must directly follow a conv layer (its window folds into that layer's threshold)",
                rejection(() -> NetworkSpec.builder("N", "img", 8, 8).conv("c", 8, 3, 1, Padding.VALID).pool("m", PoolKind.MAX, 2, 2)
                        .pool("p", PoolKind.AVG, 2, 1).output("o", 2).build()));
    }
}
