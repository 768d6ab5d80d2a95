package org.bnn.train.model;

import java.util.List;

import org.bnn.runtime.engine.TernaryPlanes;
import org.bnn.runtime.engine.XnorPopcount;
import org.bnn.train.kernel.MatrixKernel;

/**
 * x·W_bᵀ with quantised weights W_b (±1, or −1, 0, +1): the pre-activation sums of a dense or output
 * layer, or of a conv layer over its unrolled patches. Inputs are ±1 activations, or the first layer's
 * integer-scaled input (2q − S), so every sum is an integer below 2^24 and exact in float, in any
 * summation order: the forward pass computes exactly the simulator's pre-activation. Layers with ±1
 * input count matches of packed bits (XNOR-popcount) instead of multiplying floats: the same integers,
 * several times faster; ternary rows are two planes read with the input twice, as the engine reads them
 * (org.bnn.runtime.engine.TernaryPlanes).
 */
final class BinaryLinear extends Block {
    private static final int ROWS_PER_TASK = 16;
    private final LatentWeights weights;
    private final MatrixKernel kernel;
    private float[] input;

    BinaryLinear(LatentWeights weights, MatrixKernel kernel) {
        this.weights = weights;
        this.kernel = kernel;
    }

    LatentWeights weights() {
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

    /**
     * ±1 input rows [from, to): a = 2·matches/planes − N per neuron (the division a shift), as the
     * simulator counts (the same integers as x·W_bᵀ): 2V − N for ±1 weights, V − N for ternary rows
     * of 2N bits read with x‖x.
     */
    private void xnorPopcount(float[] in, float[] out, int from, int to) {
        int fanIn = weights.fanIn();
        int rows = weights.rows();
        int planes = weights.planes();
        int halve = planes - 1;
        int bits = planes * fanIn;
        int words = weights.rowWords();
        long[] w = weights.packed();
        long[] x = new long[words];
        for (int b = from; b < to; b++) {
            Signs.pack(in, b * fanIn, fanIn, x, 0);
            if (planes == 2) {
                TernaryPlanes.twiceInPlace(x, fanIn);
            }
            for (int k = 0; k < rows; k++) {
                out[b * rows + k] = (2 * XnorPopcount.matches(w, k * words, x, bits) >> halve) - fanIn;
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
