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
        int channels = input.channels();
        walk(batch, (image, row, j, source) -> {
            if (source < 0) {
                java.util.Arrays.fill(out, row * patch + j, row * patch + j + channels, padValue);
            } else {
                System.arraycopy(in, image * inputWidth() + source, out, row * patch + j, channels);
            }
        });
        return out;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        if (!needInput) {
            return null;
        }
        float[] gradient = new float[batch * inputWidth()];
        int channels = input.channels();
        walk(batch, (image, row, j, source) -> {
            if (source >= 0) {
                int to = image * inputWidth() + source;
                int from = row * patch + j;
                for (int c = 0; c < channels; c++) {
                    gradient[to + c] += outputGradient[from + c];
                }
            }
        });
        return gradient;
    }

    /**
     * Visits every kernel position of every patch: image, patch row, index j of its first channel in
     * the patch, and the input index of that pixel's first channel (−1 for padding). The channels of
     * one pixel are contiguous on both sides (HWC), so callers move them as one run.
     */
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
                        visitor.visit(b, row, (dy * kernel + dx) * channels, inside ? (y * input.width() + x) * channels : -1);
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
