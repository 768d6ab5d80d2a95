package org.bnn.runtime.engine;

import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;

/** The size × size windows of a pooling layer, taken with its stride over an H × W map (no padding). */
final class PoolWindows {
    private final int size;
    private final int stride;
    private final int inputWidth;
    private final int outputWidth;
    private final int positions;

    PoolWindows(LayerGeometry pool) {
        LayerSpec.Pool spec = (LayerSpec.Pool) pool.layer();
        this.size = spec.size();
        this.stride = spec.stride();
        this.inputWidth = pool.input().width();
        this.outputWidth = pool.output().width();
        this.positions = pool.output().height() * outputWidth;
    }

    /** Output positions. */
    int positions() {
        return positions;
    }

    /** Input positions per window. */
    int window() {
        return size * size;
    }

    /** The input position (y·W + x) of the i-th element, row by row, of output position {@code position}'s window. */
    int inputPosition(int position, int i) {
        int oy = position / outputWidth;
        int ox = position - oy * outputWidth;
        int dy = i / size;
        return (oy * stride + dy) * inputWidth + ox * stride + i - dy * size;
    }
}
