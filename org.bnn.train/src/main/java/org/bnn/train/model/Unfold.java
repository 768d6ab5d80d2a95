package org.bnn.train.model;

import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.Shape;

/**
 * im2col as the simulator unrolls a convolution: the patch of output position (oy, ox) holds
 * input (oy·stride + dy − pad, ox·stride + dx − pad, c) at j = (dy·k + dx)·C_in + c, and outside the
 * map the padding value (±1, times the input scale S for a bit-serial first layer, whose padded planes
 * are all ones or all zeros). One patch row per (image, position): batch·P rows of k·k·C_in.
 */
final class Unfold extends Block {
    private final Shape input;
    private final Shape output;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final float padValue;
    private final int patch;

    Unfold(LayerSpec.Conv conv, Shape input, Shape output, long inputScale) {
        this.input = input;
        this.output = output;
        this.kernel = conv.kernel();
        this.stride = conv.stride();
        this.pad = conv.padding().amount();
        this.padValue = (float) (conv.padding().value() * inputScale);
        this.patch = kernel * kernel * input.channels();
    }

    /** Output positions P per image. */
    int positions() {
        return output.height() * output.width();
    }

    @Override
    int inputWidth() {
        return (int) input.size();
    }

    /** Values per image after unfolding: P × k·k·C_in. */
    @Override
    int outputWidth() {
        return positions() * patch;
    }

    @Override
    float[] forward(float[] in, int batch, Mode mode) {
        float[] out = new float[batch * outputWidth()];
        walk(batch, (b, row, j, source) -> out[row * patch + j] = source < 0 ? padValue : in[b * inputWidth() + source]);
        return out;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        if (!needInput) {
            return null;
        }
        float[] gradient = new float[batch * inputWidth()];
        walk(batch, (b, row, j, source) -> {
            if (source >= 0) {
                gradient[b * inputWidth() + source] += outputGradient[row * patch + j];
            }
        });
        return gradient;
    }

    /** Visits every patch entry: image b, patch row, index j in the patch, and its input index (−1 for padding). */
    private void walk(int batch, Visitor visitor) {
        int channels = input.channels();
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < positions(); p++) {
                int row = b * positions() + p;
                int oy = p / output.width();
                int ox = p % output.width();
                for (int dy = 0; dy < kernel; dy++) {
                    int y = oy * stride + dy - pad;
                    for (int dx = 0; dx < kernel; dx++) {
                        int x = ox * stride + dx - pad;
                        boolean inside = y >= 0 && y < input.height() && x >= 0 && x < input.width();
                        int base = (dy * kernel + dx) * channels;
                        for (int c = 0; c < channels; c++) {
                            visitor.visit(b, row, base + c, inside ? (y * input.width() + x) * channels + c : -1);
                        }
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(int image, int row, int j, int source);
    }
}
