package org.bnn.train.model;

/**
 * Max pool, placed on the batch-normalised values z before the sign: sign(max z) = max sign(z),
 * since sign is monotone, so the forward pass equals the simulator's OR of the bits, while the
 * gradient goes to the window's largest z (the first one on ties) rather than to an arbitrary +1.
 */
final class MaxPool extends Pool {
    private int[] chosen;

    MaxPool(Windows windows) {
        super(windows);
    }

    @Override
    float[] forward(float[] input, int batch, Mode mode) {
        float[] output = new float[batch * outputWidth()];
        int[] best = new int[batch * outputWidth()];
        windows.forEach(batch, (in, out, element) -> {
            if (element == 0 || input[in] > input[best[out]]) {
                best[out] = in;
                output[out] = input[in];
            }
        });
        chosen = best;
        return output;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        float[] inputGradient = new float[batch * inputWidth()];
        for (int o = 0; o < outputGradient.length; o++) {
            inputGradient[chosen[o]] += outputGradient[o];
        }
        return inputGradient;
    }
}
