package org.bnn.train.model;

/**
 * Max pool, placed on the batch-normalised values z before the sign: sign(max z) = max sign(z),
 * since sign is monotone, so the forward pass equals the simulator's OR of the bits, while the
 * gradient goes to the window's largest z (the first one on ties) rather than to an arbitrary +1.
 */
final class MaxPool extends Block {
    private final Windows windows;
    private int[] chosen;

    MaxPool(Windows windows) {
        this.windows = windows;
    }

    @Override
    int inputWidth() {
        return windows.inputWidth();
    }

    @Override
    int outputWidth() {
        return windows.outputWidth();
    }

    @Override
    float[] forward(float[] input, int batch, Mode mode) {
        int in = inputWidth();
        int out = outputWidth();
        int channels = windows.channels();
        float[] output = new float[batch * out];
        chosen = new int[batch * out];
        for (int b = 0; b < batch; b++) {
            for (int q = 0; q < windows.outputPositions(); q++) {
                for (int c = 0; c < channels; c++) {
                    int best = b * in + windows.inputPosition(q, 0) * channels + c;
                    for (int i = 1; i < windows.window(); i++) {
                        int index = b * in + windows.inputPosition(q, i) * channels + c;
                        if (input[index] > input[best]) {
                            best = index;
                        }
                    }
                    output[b * out + q * channels + c] = input[best];
                    chosen[b * out + q * channels + c] = best;
                }
            }
        }
        return output;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        float[] inputGradient = new float[batch * inputWidth()];
        for (int o = 0; o < batch * outputWidth(); o++) {
            inputGradient[chosen[o]] += outputGradient[o];
        }
        return inputGradient;
    }
}
