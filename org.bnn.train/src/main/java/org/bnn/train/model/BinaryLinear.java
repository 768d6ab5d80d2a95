package org.bnn.train.model;

import java.util.List;

import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.XnorPopcount;
import org.bnn.train.kernel.MatrixKernel;

/**
 * x·W_bᵀ with ±1 weights W_b: the pre-activation sums of a dense or output layer, or of a conv layer
 * over its unrolled patches. Inputs are ±1 activations, or the first layer's integer-scaled input
 * (2q − S), so every sum is an integer below 2^24 and exact in float, in any summation order: the
 * forward pass computes exactly the simulator's a = 2V − S·N. Layers with ±1 input count matches of
 * packed bits (XNOR-popcount) instead of multiplying floats: the same integers, several times faster.
 */
final class BinaryLinear extends Block {
    private static final int ROWS_PER_TASK = 16;
    private final BinaryWeights weights;
    private final MatrixKernel kernel;
    private float[] input;

    BinaryLinear(BinaryWeights weights, MatrixKernel kernel) {
        this.weights = weights;
        this.kernel = kernel;
    }

    BinaryWeights weights() {
        return weights;
    }

    @Override
    int inputWidth() {
        return weights.fanIn();
    }

    @Override
    int outputWidth() {
        return weights.rows();
    }

    @Override
    float[] forward(float[] in, int images, Mode mode) {
        input = in;
        int batch = in.length / weights.fanIn(); // images × positions for a conv
        float[] out = new float[batch * weights.rows()];
        if (weights.binaryInput()) {
            kernel.workers().forChunks(batch, ROWS_PER_TASK, (from, to) -> xnorPopcount(in, out, from, to));
        } else {
            kernel.multiply(in, weights.transposed(), out, batch, weights.fanIn(), weights.rows());
        }
        return out;
    }

    /** ±1 input rows [from, to): a = 2·matches − N per neuron, as the simulator counts (the same integers as x·W_bᵀ). */
    private void xnorPopcount(float[] in, float[] out, int from, int to) {
        int fanIn = weights.fanIn();
        int rows = weights.rows();
        int words = PackedBits.words(fanIn);
        long[] w = weights.packed();
        long[] x = new long[words];
        for (int b = from; b < to; b++) {
            Signs.pack(in, b * fanIn, fanIn, x, 0);
            for (int k = 0; k < rows; k++) {
                out[b * rows + k] = 2 * XnorPopcount.matches(w, k * words, x, fanIn) - fanIn;
            }
        }
    }

    @Override
    float[] backward(float[] outputGradient, int images, boolean needInput) {
        int batch = input.length / weights.fanIn();
        int rows = weights.rows();
        int fanIn = weights.fanIn();
        float[] gradientT = new float[rows * batch];
        MatrixKernel.transpose(outputGradient, gradientT, batch, rows);
        float[] weightGradient = new float[rows * fanIn];
        kernel.multiply(gradientT, input, weightGradient, rows, batch, fanIn);
        weights.addGradient(weightGradient);
        if (!needInput) {
            return null;
        }
        float[] inputGradient = new float[batch * fanIn];
        kernel.multiply(outputGradient, weights.effective(), inputGradient, batch, rows, fanIn);
        return inputGradient;
    }

    @Override
    List<Parameter> parameters() {
        return List.of(weights.latent());
    }
}
