package org.bnn.runtime.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A binarized network: an input of some shape, flattened, followed by layers whose fan-ins chain
 * (each layer's fan-in is the previous layer's fan-out). The last layer, and only it, is the
 * {@link LayerKind#OUTPUT output} layer.
 */
public record NetworkSpec(String name, String inputName, List<Integer> inputShape, List<LayerSpec> layers) {
    public NetworkSpec {
        SpecChecks.name("NetworkSpec", "name", name);
        SpecChecks.name("NetworkSpec", "inputName", inputName);
        inputShape = List.copyOf(SpecChecks.present("NetworkSpec", "inputShape", inputShape));
        layers = List.copyOf(SpecChecks.present("NetworkSpec", "layers", layers));
        if (inputShape.isEmpty()) {
            throw new IllegalArgumentException("NetworkSpec(" + name + ").inputShape must have at least one dimension");
        }
        for (int dimension : inputShape) {
            SpecChecks.positive("NetworkSpec(" + name + ")", "inputShape", dimension);
        }
        checkLayers(name, product(name, inputShape), layers);
    }

    private static long product(String network, List<Integer> shape) {
        long size = 1;
        for (int dimension : shape) {
            size *= dimension;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("NetworkSpec(" + network + ").inputShape " + shape
                        + " has more than " + Integer.MAX_VALUE + " elements");
            }
        }
        return size;
    }

    private static void checkLayers(String network, long inputSize, List<LayerSpec> layers) {
        if (layers.isEmpty() || layers.get(layers.size() - 1).kind() != LayerKind.OUTPUT) {
            throw new IllegalArgumentException("NetworkSpec(" + network + ").layers must end with an OUTPUT layer");
        }
        Set<String> names = new HashSet<>();
        long expectedFanIn = inputSize;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("NetworkSpec(" + network + ") has two layers named " + layer.name());
            }
            if (layer.kind() == LayerKind.OUTPUT && i != layers.size() - 1) {
                throw new IllegalArgumentException("NetworkSpec(" + network + ").layers: OUTPUT layer " + layer.name()
                        + " must be the last layer");
            }
            if (layer.fanIn() != expectedFanIn) {
                throw new IllegalArgumentException("NetworkSpec(" + network + ").layers: " + layer.name() + ".fanIn is "
                        + layer.fanIn() + " but the previous layer gives " + expectedFanIn);
            }
            expectedFanIn = layer.fanOut();
        }
    }

    /** Number of input values after flattening the input shape. */
    public int inputSize() {
        return (int) product(name, inputShape);
    }

    /** The output (classifier) layer. */
    public LayerSpec outputLayer() {
        return layers.get(layers.size() - 1);
    }

    /** Number of classes the network predicts. */
    public int classes() {
        return outputLayer().fanOut();
    }

    /** Starts a network description; layers are added in order and their fan-ins derived. */
    public static Builder builder(String name, String inputName, int... inputShape) {
        return new Builder(name, inputName, inputShape);
    }

    /** Builds a network layer by layer, deriving each fan-in from the previous fan-out. */
    public static final class Builder {
        private final String name;
        private final String inputName;
        private final List<Integer> inputShape = new ArrayList<>();
        private final List<LayerSpec> layers = new ArrayList<>();
        private int width;

        private Builder(String name, String inputName, int... inputShape) {
            this.name = name;
            this.inputName = inputName;
            long size = 1;
            for (int dimension : inputShape) {
                this.inputShape.add(dimension);
                size *= dimension;
            }
            this.width = (int) Math.min(size, Integer.MAX_VALUE);
        }

        public Builder dense(String layerName, int neurons) {
            return add(layerName, LayerKind.DENSE, neurons);
        }

        public Builder output(String layerName, int classes) {
            return add(layerName, LayerKind.OUTPUT, classes);
        }

        private Builder add(String layerName, LayerKind kind, int fanOut) {
            layers.add(new LayerSpec(layerName, kind, width, fanOut));
            width = fanOut;
            return this;
        }

        public NetworkSpec build() {
            return new NetworkSpec(name, inputName, inputShape, layers);
        }
    }
}
