package org.bnn.train.model;

import org.bnn.runtime.spec.Shape;

/**
 * The size × size windows of a pool over an H × W × C map (stride, no padding), as the simulator
 * takes them: output position (oy, ox) covers input rows oy·stride .. + size − 1, columns likewise.
 */
final class Windows {
    private final Shape input;
    private final Shape output;
    private final int size;
    private final int stride;

    Windows(Shape input, Shape output, int size, int stride) {
        this.input = input;
        this.output = output;
        this.size = size;
        this.stride = stride;
    }

    int inputWidth() {
        return (int) input.size();
    }

    int outputWidth() {
        return (int) output.size();
    }

    int window() {
        return size * size;
    }

    /**
     * Visits, for every image, output value (position q, channel c) and window element i in that
     * order, the index of the input value and of the output value in a batch's flat arrays.
     */
    void forEach(int batch, Visitor visitor) {
        int channels = input.channels();
        int positions = output.height() * output.width();
        for (int b = 0; b < batch; b++) {
            for (int q = 0; q < positions; q++) {
                int oy = q / output.width();
                int ox = q % output.width();
                for (int c = 0; c < channels; c++) {
                    int out = b * outputWidth() + q * channels + c;
                    for (int i = 0; i < window(); i++) {
                        int y = oy * stride + i / size;
                        int x = ox * stride + i % size;
                        visitor.visit(b * inputWidth() + (y * input.width() + x) * channels + c, out, i);
                    }
                }
            }
        }
    }

    /** One (input value, output value) pair of a window; {@code element} is its index in the window, row by row. */
    @FunctionalInterface
    interface Visitor {
        void visit(int input, int output, int element);
    }
}
