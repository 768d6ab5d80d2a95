package org.bnn.train.cli;

import java.util.List;

import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.WeightValues;

/**
 * The networks of examples/mnist and examples/fashion-mnist, with the layer names their
 * {@code .bnn} files use (weight files are matched to layers by name).
 */
final class ExampleNetworks {
    static final List<String> NAMES = List.of("mnist-mlp", "mnist-mlp-binarized", "fashion-conv", "fashion-conv-ternary");

    private ExampleNetworks() {
    }

    static NetworkSpec byName(String name) {
        return switch (name) {
            case "mnist-mlp" -> mlp("MnistMlp", new InputEncoding.BitSerial(8));
            case "mnist-mlp-binarized" -> mlp("MnistMlpBinarized", new InputEncoding.Binarize(0.5));
            case "fashion-conv" -> fashionConv("FashionConv", WeightValues.BINARY);
            case "fashion-conv-ternary" -> fashionConv("FashionConvTernary", WeightValues.TERNARY);
            default -> throw new IllegalArgumentException("unknown network " + name + "; known: " + NAMES);
        };
    }

    /** 784-1024-1024-1024-10. */
    private static NetworkSpec mlp(String name, InputEncoding encoding) {
        return NetworkSpec.builder(name, new InputSpec("pixels", new Shape(28, 28, 1), encoding)).dense("fc1", 1024).dense("fc2", 1024)
                .dense("fc3", 1024).output("out", 10).build();
    }

    /**
     * conv 3×3×16 (pad 1, −1) → max pool 2 → conv 3×3×32 (pad 1, −1) → max pool 2 → dense 128 → 10, 8-bit
     * bit-serial input: small enough to train on two shared cores. Every layer's weights are
     * {@code values} (binary, or ternary for the binary-vs-ternary study).
     */
    private static NetworkSpec fashionConv(String name, WeightValues values) {
        Padding same = new Padding(1, -1);
        return NetworkSpec.builder(name, new InputSpec("pixels", new Shape(28, 28, 1), new InputEncoding.BitSerial(8))).weights(values)
                .conv("conv1", 16, 3, 1, same).pool("pool1", PoolKind.MAX, 2, 2).conv("conv2", 32, 3, 1, same)
                .pool("pool2", PoolKind.MAX, 2, 2).dense("fc1", 128).output("out", 10).build();
    }
}
