package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A binarized network: an input, then layers in order, ending with exactly one
 * {@link LayerSpec.Output output} layer. The constructor propagates shapes through the layers and
 * rejects networks that cannot exist (non-positive output sizes, pooling of the raw input,
 * average pooling that does not follow a convolution, an output layer that is not last).
 */
public record NetworkSpec(String name, InputSpec input, List<LayerSpec> layers) {
    public NetworkSpec {
        Checks.name("NetworkSpec", "name", name);
        Checks.present("NetworkSpec", "input", input);
        layers = List.copyOf(Checks.present("NetworkSpec", "layers", layers));
        geometry(name, input, layers);
    }

    /** Each layer with its shapes, fan-in, fan-out and positions, in order. */
    public List<LayerGeometry> geometry() {
        return geometry(name, input, layers);
    }

    /** The geometry of the layers that store weights (what is mapped onto tiles), in order. */
    public List<LayerGeometry> weightLayers() {
        return geometry().stream().filter(g -> g.layer().hasWeights()).toList();
    }

    /** Number of input values. */
    public int inputSize() {
        return (int) input.shape().size();
    }

    /** True if a layer has ternary weights. */
    public boolean hasTernaryWeights() {
        return layers.stream().anyMatch(l -> l.values() == WeightValues.TERNARY);
    }

    /** Number of classes the network predicts. */
    public int classes() {
        return ((LayerSpec.Output) layers.get(layers.size() - 1)).classes();
    }

    private static List<LayerGeometry> geometry(String network, InputSpec input, List<LayerSpec> layers) {
        String where = "NetworkSpec(" + network + ")";
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof LayerSpec.Output)) {
            throw new SpecViolation(where, "layers", Problem.MISSING, where + ".layers must end with an output layer");
        }
        checkSize(where, "input", input.name(), "input " + input.name(), input.shape().size());
        Set<String> names = new HashSet<>(Set.of(input.name()));
        List<LayerGeometry> result = new ArrayList<>();
        Shape shape = input.shape();
        int planes = input.encoding().planes();
        LayerSpec previous = null;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (!names.add(layer.name())) {
                throw new SpecViolation(where, "layers", layer.name(), Problem.DUPLICATE,
                        where + " has two layers (or the input and a layer) named " + layer.name());
            }
            if (layer instanceof LayerSpec.Output && i != layers.size() - 1) {
                throw new SpecViolation(where, "layers", layer.name(), Problem.INCONSISTENT,
                        where + ": output layer " + layer.name() + " must be the last layer");
            }
            LayerGeometry g;
            if (layer instanceof LayerSpec.Dense d) {
                g = matrix(where, layer, i, shape, Shape.flat(d.neurons()), shape.size(), d.neurons(), 1, planes);
            } else if (layer instanceof LayerSpec.Output o) {
                g = matrix(where, layer, i, shape, Shape.flat(o.classes()), shape.size(), o.classes(), 1, planes);
            } else if (layer instanceof LayerSpec.Conv c) {
                g = conv(where, c, i, shape, planes);
            } else {
                g = pool(where, (LayerSpec.Pool) layer, i, shape, previous);
            }
            result.add(g);
            if (layer.hasWeights()) {
                planes = 1; // only the first layer with weights reads the input planes
            }
            shape = g.output();
            previous = layer;
        }
        return List.copyOf(result);
    }

    private static LayerGeometry matrix(String where, LayerSpec layer, int index, Shape in, Shape out, long fanIn, int fanOut,
            long positions, int planes) {
        checkSize(where, "layers", layer.name(), layer.name() + " fan-in", fanIn);
        return new LayerGeometry(layer, index, in, out, (int) fanIn, fanOut, positions, planes);
    }

    private static LayerGeometry conv(String where, LayerSpec.Conv c, int index, Shape in, int planes) {
        int pad = c.padding().amount();
        int height = outputSize(where, c.name(), "height", in.height(), c.kernel(), c.stride(), pad);
        int width = outputSize(where, c.name(), "width", in.width(), c.kernel(), c.stride(), pad);
        long fanIn = (long) c.kernel() * c.kernel() * in.channels();
        Shape out = new Shape(height, width, c.channels());
        return matrix(where, c, index, in, out, fanIn, c.channels(), (long) height * width, planes);
    }

    private static LayerGeometry pool(String where, LayerSpec.Pool p, int index, Shape in, LayerSpec previous) {
        if (previous == null) {
            throw new SpecViolation(where, "layers", p.name(), Problem.INCONSISTENT,
                    where + ": pool " + p.name() + " cannot pool the raw input; put it after a conv layer");
        }
        if (p.kind() == PoolKind.AVG && !(previous instanceof LayerSpec.Conv)) {
            throw new SpecViolation(where, "layers", p.name(), Problem.INCONSISTENT, where + ": average pool " + p.name()
                    + " must directly follow a conv layer (its window folds into that layer's threshold)");
        }
        int height = outputSize(where, p.name(), "height", in.height(), p.size(), p.stride(), 0);
        int width = outputSize(where, p.name(), "width", in.width(), p.size(), p.stride(), 0);
        return new LayerGeometry(p, index, in, new Shape(height, width, in.channels()), 0, 0, 0, 1);
    }

    private static int outputSize(String where, String layer, String dimension, int in, int window, int stride, int pad) {
        int size = Math.floorDiv(in + 2 * pad - window, stride) + 1;
        if (size < 1) {
            throw new SpecViolation(where, "layers", layer, Problem.INCONSISTENT,
                    where + ": layer " + layer + " gives an output " + dimension + " of " + size
                            + " (input " + in + ", window " + window + ", stride " + stride + ", padding " + pad + ")");
        }
        return size;
    }

    private static void checkSize(String where, String field, String item, String what, long size) {
        if (size > Integer.MAX_VALUE) {
            throw new SpecViolation(where, field, item, Problem.TOO_LARGE,
                    where + ": " + what + " of " + size + " exceeds " + Integer.MAX_VALUE);
        }
    }

    /** Starts a network description; layers are added in order. */
    public static Builder builder(String name, InputSpec input) {
        return new Builder(name, input);
    }

    /** A binarized flat input of {@code size} values, a shortcut for tests and examples. */
    public static Builder builder(String name, String inputName, int... shape) {
        Shape s = switch (shape.length) {
            case 1 -> Shape.flat(shape[0]);
            case 2 -> new Shape(shape[0], shape[1], 1);
            case 3 -> new Shape(shape[0], shape[1], shape[2]);
            default -> throw new IllegalArgumentException("an input shape has 1 to 3 dimensions, got " + shape.length);
        };
        return new Builder(name, new InputSpec(inputName, s, new InputEncoding.Binarize(0.5)));
    }

    /** Builds a network layer by layer. */
    public static final class Builder {
        private final String name;
        private final InputSpec input;
        private final List<LayerSpec> layers = new ArrayList<>();
        private WeightValues values = WeightValues.BINARY;

        private Builder(String name, InputSpec input) {
            this.name = name;
            this.input = input;
        }

        /** The values of the weights of the layers added from now on (binary until said otherwise). */
        public Builder weights(WeightValues weightValues) {
            this.values = Checks.present("NetworkSpec.Builder", "values", weightValues);
            return this;
        }

        public Builder dense(String layerName, int neurons) {
            layers.add(new LayerSpec.Dense(layerName, neurons, values));
            return this;
        }

        public Builder conv(String layerName, int channels, int kernel, int stride, Padding padding) {
            layers.add(new LayerSpec.Conv(layerName, channels, kernel, stride, padding, values));
            return this;
        }

        public Builder pool(String layerName, PoolKind kind, int size, int stride) {
            layers.add(new LayerSpec.Pool(layerName, kind, size, stride));
            return this;
        }

        public Builder output(String layerName, int classes) {
            layers.add(new LayerSpec.Output(layerName, classes, values));
            return this;
        }

        public NetworkSpec build() {
            return new NetworkSpec(name, input, layers);
        }
    }
}
