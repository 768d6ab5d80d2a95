package org.bnn.train.model;

/**
 * Average pool of a conv's pre-activations, kept as window sums: the batch norm that follows divides
 * by the window size (its divisor), as the simulator folds the window into the threshold.
 */
final class AveragePool extends Pool {
    AveragePool(Windows windows) {
        super(windows);
    }

    @Override
    float[] forward(float[] input, int batch, Mode mode) {
        float[] output = new float[batch * outputWidth()];
        windows.forEach(batch, (in, out, element) -> output[out] += input[in]);
        return output;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        float[] inputGradient = new float[batch * inputWidth()];
        windows.forEach(batch, (in, out, element) -> inputGradient[in] += outputGradient[out]);
        return inputGradient;
    }
}
