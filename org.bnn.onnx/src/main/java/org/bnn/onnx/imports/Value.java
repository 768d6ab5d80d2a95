package org.bnn.onnx.imports;

import org.bnn.onnx.model.Tensor;

/** What a tensor of the graph is while the importer walks it. */
sealed interface Value {

    /** A constant, known value by value (initializers, Constant nodes, folded subgraphs). */
    record Const(Tensor tensor) implements Value {
    }

    /** A tensor of one value in the shape of the activations ({@code ConstantOfShape(Shape(x))}). */
    record Fill(double value) implements Value {
    }

    /** The shape of the activations ({@code Shape(x)}), only good for making a {@link Fill}. */
    record ActivationShape() implements Value {
    }

    /** The activations of the network at one step of the chain; {@code step} tells stale copies (branches) apart. */
    record Activations(int step) implements Value {
    }

    /** {@code x >= threshold} (or {@code x > threshold} if strict) of the activations: half of a sign. */
    record Comparison(Activations of, double threshold, boolean strict) implements Value {
    }
}
