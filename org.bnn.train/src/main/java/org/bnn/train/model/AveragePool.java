package org.bnn.train.model;

/**
 * Average pool of a conv's pre-activations, kept as window sums: the batch norm that follows divides
 * by the window size (its divisor), as the simulator folds the window into the threshold.
 */
final class AveragePool extends Block {
    private final Windows windows;

    AveragePool(Windows windows) {
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
        for (int b = 0; b < batch; b++) {
            for (int q = 0; q < windows.outputPositions(); q++) {
                int to = b * out + q * channels;
                for (int i = 0; i < windows.window(); i++) {
                    int from = b * in + windows.inputPosition(q, i) * channels;
                    for (int c = 0; c < channels; c++) {
                        output[to + c] += input[from + c];
                    }
                }
            }
        }
        return output;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        int in = inputWidth();
        int out = outputWidth();
        int channels = windows.channels();
        float[] inputGradient = new float[batch * in];
        for (int b = 0; b < batch; b++) {
            for (int q = 0; q < windows.outputPositions(); q++) {
                int from = b * out + q * channels;
                for (int i = 0; i < windows.window(); i++) {
                    int to = b * in + windows.inputPosition(q, i) * channels;
                    for (int c = 0; c < channels; c++) {
                        inputGradient[to + c] += outputGradient[from + c];
                    }
                }
            }
        }
        return inputGradient;
    }
}
