package org.bnn.train.model;

import java.util.List;

/**
 * One step of the float network the trainer runs: a batch of rows in, a batch of rows out
 * (row-major, {@code batch} rows of {@link #inputWidth()} / {@link #outputWidth()} values, maps HWC).
 * Forward keeps what backward needs; backward turns the gradient of the output into the gradient of
 * the input and adds the gradients of its parameters.
 */
abstract class Block {
    abstract int inputWidth();

    abstract int outputWidth();

    abstract float[] forward(float[] input, int batch, Mode mode);

    /** The gradient of the input, or null if {@code needInput} is false (the first layer). */
    abstract float[] backward(float[] outputGradient, int batch, boolean needInput);

    List<Parameter> parameters() {
        return List.of();
    }
}
