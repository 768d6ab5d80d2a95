package org.bnn.runtime.tests.engine;

import java.util.List;

import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;

/**
 * Small networks covering every layer kind and option, with odd sizes: partial words, partial
 * tiles, padding ±1, strides, overlapping and skipping pool windows, pool after pool, average
 * pools, bit-serial dense and conv first layers, channel counts across word boundaries.
 */
public final class TestSpecs {
    private TestSpecs() {
    }

    public static NetworkSpec dense() {
        return NetworkSpec.builder("Dense", "in", 13, 11).dense("fc1", 97).dense("fc2", 70).output("out", 10).build();
    }

    public static NetworkSpec convPaddingStride() {
        return NetworkSpec.builder("ConvPad", "img", 9, 9, 3)
                .conv("c1", 8, 3, 2, new Padding(1, 1))
                .conv("c2", 70, 2, 1, new Padding(2, -1))
                .dense("fc", 20).output("out", 4).build();
    }

    public static NetworkSpec convMaxPool() {
        return NetworkSpec.builder("ConvMax", "img", 12, 12, 2)
                .conv("c1", 16, 3, 1, Padding.VALID)
                .pool("p1", PoolKind.MAX, 2, 2)
                .conv("c2", 67, 3, 1, new Padding(1, -1))
                .pool("p2", PoolKind.MAX, 3, 2)
                .pool("p3", PoolKind.MAX, 1, 1)
                .output("out", 5).build();
    }

    public static NetworkSpec convMaxPoolSkipping() {
        return NetworkSpec.builder("ConvSkip", "img", 11, 11, 1)
                .conv("c1", 6, 2, 1, new Padding(1, 1))
                .pool("p1", PoolKind.MAX, 2, 3)
                .dense("fc", 9).output("out", 3).build();
    }

    public static NetworkSpec convAveragePool() {
        return NetworkSpec.builder("ConvAvg", "img", 10, 10, 3)
                .conv("c1", 12, 3, 1, new Padding(1, 1))
                .pool("p1", PoolKind.AVG, 2, 2)
                .conv("c2", 9, 2, 1, Padding.VALID)
                .pool("p2", PoolKind.AVG, 3, 1)
                .dense("fc", 11).output("out", 3).build();
    }

    public static NetworkSpec wideChannels() {
        return NetworkSpec.builder("Wide", "img", 6, 6, 70)
                .conv("c1", 65, 1, 1, Padding.VALID)
                .conv("c2", 3, 3, 1, new Padding(1, -1))
                .output("out", 2).build();
    }

    public static NetworkSpec bitSerialDense() {
        return NetworkSpec.builder("SerialDense", new InputSpec("px", Shape.flat(50), new InputEncoding.BitSerial(8)))
                .dense("fc", 30).output("out", 4).build();
    }

    public static NetworkSpec bitSerialConv() {
        return NetworkSpec.builder("SerialConv", new InputSpec("px", new Shape(8, 8, 2), new InputEncoding.BitSerial(4)))
                .conv("c1", 10, 3, 1, new Padding(1, -1))
                .pool("p1", PoolKind.MAX, 2, 2)
                .dense("fc", 13).output("out", 6).build();
    }

    public static NetworkSpec bitSerialConvAveragePool() {
        return NetworkSpec.builder("SerialAvg", new InputSpec("px", new Shape(7, 7, 1), new InputEncoding.BitSerial(3)))
                .conv("c1", 5, 3, 2, new Padding(1, 1))
                .pool("p1", PoolKind.AVG, 2, 2)
                .output("out", 3).build();
    }

    public static NetworkSpec bitSerialOutputOnly() {
        return NetworkSpec.builder("SerialOut", new InputSpec("px", Shape.flat(40), new InputEncoding.BitSerial(5)))
                .output("out", 7).build();
    }

    public static List<NetworkSpec> all() {
        return List.of(dense(), convPaddingStride(), convMaxPool(), convMaxPoolSkipping(), convAveragePool(), wideChannels(),
                bitSerialDense(), bitSerialConv(), bitSerialConvAveragePool(), bitSerialOutputOnly());
    }
}
