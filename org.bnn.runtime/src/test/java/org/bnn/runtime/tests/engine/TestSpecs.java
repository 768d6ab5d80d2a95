package org.bnn.runtime.tests.engine;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.WeightValues;

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

    /**
     * Conv rows shorter than a vector of the Vector API kernel, which thresholds them itself (KernelCheck
     * compares its results with the scalar kernel's on this shape): rows of 1, 4 and 1 words, 24, 13 and 64
     * channels, padding +1 and −1, stride 2, a max pool.
     */
    public static NetworkSpec convShortRows() {
        return NetworkSpec.builder("ConvShort", "img", 9, 11, 5)
                .conv("c1", 24, 3, 1, new Padding(1, 1))
                .pool("p1", PoolKind.MAX, 2, 2)
                .conv("c2", 13, 3, 2, new Padding(1, -1))
                .conv("c3", 64, 1, 1, Padding.VALID)
                .dense("fc", 20).output("out", 4).build();
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

    /** A bit-serial conv with valid padding over 3 channels of odd sizes, then a one-plane conv with stride 2 and padding +1. */
    public static NetworkSpec bitSerialConvValid() {
        return NetworkSpec.builder("SerialValid", new InputSpec("px", new Shape(9, 7, 3), new InputEncoding.BitSerial(5)))
                .conv("c1", 7, 3, 1, Padding.VALID)
                .conv("c2", 5, 3, 2, new Padding(1, 1))
                .output("out", 3).build();
    }

    /**
     * Bit-serial convs larger than one block of output rows of the engine's level arithmetic (about 256
     * positions), the last block partial: stride 1 with more than 32 neurons, and stride 2.
     */
    public static NetworkSpec bitSerialConvBlocks() {
        return NetworkSpec.builder("SerialBlocks", new InputSpec("px", new Shape(23, 13, 1), new InputEncoding.BitSerial(3)))
                .conv("c1", 35, 3, 1, new Padding(1, -1))
                .pool("p1", PoolKind.MAX, 3, 3)
                .output("out", 3).build();
    }

    public static NetworkSpec bitSerialConvStrideBlocks() {
        return NetworkSpec.builder("SerialStrideBlocks", new InputSpec("px", new Shape(19, 61, 2), new InputEncoding.BitSerial(2)))
                .conv("c1", 5, 3, 2, new Padding(1, 1))
                .output("out", 4).build();
    }

    public static NetworkSpec bitSerialOutputOnly() {
        return NetworkSpec.builder("SerialOut", new InputSpec("px", Shape.flat(40), new InputEncoding.BitSerial(5)))
                .output("out", 7).build();
    }

    /**
     * {@code spec} with ternary weights in every layer that has weights, or in those of the named
     * layers only (the others keep binary weights).
     */
    public static NetworkSpec ternary(NetworkSpec spec, String... layers) {
        List<String> chosen = List.of(layers);
        List<LayerSpec> ternary = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            boolean change = chosen.isEmpty() || chosen.contains(layer.name());
            if (change && layer instanceof LayerSpec.Dense d) {
                layer = new LayerSpec.Dense(d.name(), d.neurons(), WeightValues.TERNARY);
            } else if (change && layer instanceof LayerSpec.Conv c) {
                layer = new LayerSpec.Conv(c.name(), c.channels(), c.kernel(), c.stride(), c.padding(), WeightValues.TERNARY);
            } else if (change && layer instanceof LayerSpec.Output o) {
                layer = new LayerSpec.Output(o.name(), o.classes(), WeightValues.TERNARY);
            }
            ternary.add(layer);
        }
        return new NetworkSpec(spec.name() + "T", spec.input(), ternary); // "T": a distinct name, so a distinct seed in tests
    }

    /** Every network of {@link #all()} with ternary weights, and one mixing binary and ternary layers. */
    public static List<NetworkSpec> allTernary() {
        List<NetworkSpec> specs = new ArrayList<>();
        for (NetworkSpec spec : all()) {
            specs.add(ternary(spec));
        }
        specs.add(ternary(convPaddingStride(), "c2", "out"));
        return specs;
    }

    public static List<NetworkSpec> all() {
        return List.of(dense(), convPaddingStride(), convMaxPool(), convMaxPoolSkipping(), convAveragePool(), wideChannels(),
                convShortRows(), bitSerialDense(), bitSerialConv(), bitSerialConvAveragePool(), bitSerialConvValid(), bitSerialConvBlocks(),
                bitSerialConvStrideBlocks(), bitSerialOutputOnly());
    }
}
