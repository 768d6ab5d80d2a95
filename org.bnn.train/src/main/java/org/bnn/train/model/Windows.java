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

    int channels() {
        return input.channels();
    }

    int outputPositions() {
        return output.height() * output.width();
    }

    int window() {
        return size * size;
    }

    /** The input position (y·W + x) of the i-th element, row by row, of output position q's window. */
    int inputPosition(int q, int i) {
        int oy = q / output.width();
        int ox = q % output.width();
        int dy = i / size;
        int dx = i % size;
        return (oy * stride + dy) * input.width() + ox * stride + dx;
    }
}
