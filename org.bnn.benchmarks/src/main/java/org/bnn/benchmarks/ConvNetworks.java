package org.bnn.benchmarks;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;

/** The conv networks of the conv benchmarks (docs/benchmarks.md, "Convolutions"), with random ±1 weights in the benchmarks. */
final class ConvNetworks {
    private static final Padding SAME = new Padding(1, -1);

    /**
     * The shape of examples/fashion-mnist/fashion.bnn: 28×28 8-bit bit-serial input, conv 16 →
     * max pool 2 → conv 32 → max pool 2 → dense 128 → 10, 3×3 kernels with padding 1 (value −1).
     */
    static final NetworkSpec FASHION = NetworkSpec
            .builder("FashionConv", new InputSpec("pixels", new Shape(28, 28, 1), new InputEncoding.BitSerial(8)))
            .conv("conv1", 16, 3, 1, SAME).pool("pool1", PoolKind.MAX, 2, 2)
            .conv("conv2", 32, 3, 1, SAME).pool("pool2", PoolKind.MAX, 2, 2)
            .dense("fc1", 128).output("out", 10).build();

    /**
     * A CIFAR-10-size network (conv 128, 128, M, 256, 256, M, 512, 512, M, FC 512, FC 10; 3×3 kernels,
     * padding 1 with value −1, max pools 2) on 32×32×3 8-bit bit-serial inputs: ≈ 0.6 G binary MACs per image.
     */
    static final NetworkSpec CIFAR10 = NetworkSpec
            .builder("Cifar10", new InputSpec("pixels", new Shape(32, 32, 3), new InputEncoding.BitSerial(8)))
            .conv("conv1", 128, 3, 1, SAME).conv("conv2", 128, 3, 1, SAME).pool("pool1", PoolKind.MAX, 2, 2)
            .conv("conv3", 256, 3, 1, SAME).conv("conv4", 256, 3, 1, SAME).pool("pool2", PoolKind.MAX, 2, 2)
            .conv("conv5", 512, 3, 1, SAME).conv("conv6", 512, 3, 1, SAME).pool("pool3", PoolKind.MAX, 2, 2)
            .dense("fc1", 512).output("out", 10).build();

    private ConvNetworks() {
    }

    static NetworkSpec named(String name) {
        return switch (name) {
            case "fashion" -> FASHION;
            case "cifar" -> CIFAR10;
            default -> throw new IllegalArgumentException("no conv network " + name + " (fashion, cifar)");
        };
    }

    /**
     * Binary multiply-accumulates of one inference: per layer with weights, its weights × positions ×
     * input planes (a ternary weight counts once).
     */
    static long binaryMacs(BinaryNetwork network) {
        long macs = 0;
        for (int l = 0; l < network.weightLayerCount(); l++) {
            var geometry = network.weightLayer(l).geometry();
            macs += geometry.fanIn() * (long) geometry.fanOut() * geometry.positions() * geometry.planes();
        }
        return macs;
    }
}
