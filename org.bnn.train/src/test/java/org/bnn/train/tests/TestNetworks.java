package org.bnn.train.tests;

import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.WeightValues;

/** Small networks over the 8 × 8 synthetic images, one per layer kind and input encoding. */
final class TestNetworks {
    private TestNetworks() {
    }

    static InputSpec bitSerial() {
        return new InputSpec("pixels", new Shape(SyntheticData.SIDE, SyntheticData.SIDE, 1), new InputEncoding.BitSerial(8));
    }

    static InputSpec binarized() {
        return new InputSpec("pixels", new Shape(SyntheticData.SIDE, SyntheticData.SIDE, 1), new InputEncoding.Binarize(0.4));
    }

    /** Dense, 8-bit bit-serial input. */
    static NetworkSpec mlp(InputSpec input) {
        return NetworkSpec.builder("Mlp", input).dense("fc1", 48).dense("fc2", 40).output("out", SyntheticData.CLASSES).build();
    }

    /** Conv with −1 padding, max pool, conv with +1 padding, average pool, dense, output. */
    static NetworkSpec conv(InputSpec input) {
        return NetworkSpec.builder("Conv", input).conv("conv1", 8, 3, 1, new Padding(1, -1)).pool("pool1", PoolKind.MAX, 2, 2)
                .conv("conv2", 12, 3, 1, new Padding(1, 1)).pool("pool2", PoolKind.AVG, 2, 2).dense("fc", 24)
                .output("out", SyntheticData.CLASSES).build();
    }

    /** Strided valid conv, overlapping max pool, output directly after. */
    static NetworkSpec stridedConv(InputSpec input) {
        return NetworkSpec.builder("Strided", input).conv("conv1", 6, 3, 2, Padding.VALID).pool("pool1", PoolKind.MAX, 2, 1)
                .output("out", SyntheticData.CLASSES).build();
    }

    /** Dense, ternary throughout. */
    static NetworkSpec ternaryMlp(InputSpec input) {
        return NetworkSpec.builder("TernaryMlp", input).weights(WeightValues.TERNARY).dense("fc1", 48).dense("fc2", 40)
                .output("out", SyntheticData.CLASSES).build();
    }

    /** Conv with −1 padding, max pool, conv with +1 padding, average pool, dense, output, ternary throughout. */
    static NetworkSpec ternaryConv(InputSpec input) {
        return NetworkSpec.builder("TernaryConv", input).weights(WeightValues.TERNARY).conv("conv1", 8, 3, 1, new Padding(1, -1))
                .pool("pool1", PoolKind.MAX, 2, 2).conv("conv2", 12, 3, 1, new Padding(1, 1)).pool("pool2", PoolKind.AVG, 2, 2)
                .dense("fc", 24).output("out", SyntheticData.CLASSES).build();
    }

    /** Only the middle layer ternary. */
    static NetworkSpec mixedMlp() {
        return NetworkSpec.builder("MixedMlp", bitSerial()).dense("fc1", 48).weights(WeightValues.TERNARY).dense("fc2", 40)
                .weights(WeightValues.BINARY).output("out", SyntheticData.CLASSES).build();
    }
}
