package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;

/** One layer of a network, in order. Shapes follow from the input through {@link NetworkSpec}. */
public sealed interface LayerSpec permits LayerSpec.Dense, LayerSpec.Conv, LayerSpec.Pool, LayerSpec.Output {

    String name();

    /** True for layers whose weights are stored in the array. */
    default boolean hasWeights() {
        return !(this instanceof Pool);
    }

    /**
     * The values this layer's weights take; binary for a layer without weights. A layer record given
     * none (null, as in JSON written before ternary weights existed) has binary weights.
     */
    default WeightValues values() {
        return WeightValues.BINARY;
    }

    /** Fully connected binary neurons: popcount compared with a threshold, output ±1. */
    record Dense(String name, int neurons, WeightValues values) implements LayerSpec {
        public Dense {
            Checks.name("Dense", "name", name);
            Checks.positive("Dense(" + name + ")", "neurons", neurons);
            values = values == null ? WeightValues.BINARY : values; // as a description written before ternary weights
        }

        /** A layer of binary weights. */
        public Dense(String name, int neurons) {
            this(name, neurons, WeightValues.BINARY);
        }
    }

    /**
     * Binary convolution, unrolled onto tiles: fan-in kernel·kernel·C_in, fan-out {@code channels},
     * evaluated once per output position.
     */
    record Conv(String name, int channels, int kernel, int stride, Padding padding, WeightValues values) implements LayerSpec {
        public Conv {
            Checks.name("Conv", "name", name);
            Checks.positive("Conv(" + name + ")", "channels", channels);
            Checks.positive("Conv(" + name + ")", "kernel", kernel);
            Checks.positive("Conv(" + name + ")", "stride", stride);
            Checks.present("Conv(" + name + ")", "padding", padding);
            values = values == null ? WeightValues.BINARY : values;
        }

        /** A convolution of binary weights. */
        public Conv(String name, int channels, int kernel, int stride, Padding padding) {
            this(name, channels, kernel, stride, padding, WeightValues.BINARY);
        }
    }

    /** Pooling over size × size windows (no weights). */
    record Pool(String name, PoolKind kind, int size, int stride) implements LayerSpec {
        public Pool {
            Checks.name("Pool", "name", name);
            Checks.present("Pool(" + name + ")", "kind", kind);
            Checks.positive("Pool(" + name + ")", "size", size);
            Checks.positive("Pool(" + name + ")", "stride", stride);
        }
    }

    /** The classifier: integer scores with a per-class affine, prediction by argmax. */
    record Output(String name, int classes, WeightValues values) implements LayerSpec {
        public Output {
            Checks.name("Output", "name", name);
            Checks.positive("Output(" + name + ")", "classes", classes);
            values = values == null ? WeightValues.BINARY : values;
        }

        /** A classifier of binary weights. */
        public Output(String name, int classes) {
            this(name, classes, WeightValues.BINARY);
        }
    }
}
