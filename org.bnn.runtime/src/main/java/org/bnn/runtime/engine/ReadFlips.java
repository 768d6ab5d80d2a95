package org.bnn.runtime.engine;

/**
 * The weights read inverted, read by read. Layer l (counting layers with weights) is read
 * positions × planes times per inference; read r = position·planes + plane. Both engines consume
 * the same patterns, so they can agree bit for bit.
 */
@FunctionalInterface
public interface ReadFlips {
    /** Logical positions k·fanIn + j of layer {@code layer} inverted during read {@code read}, each once. */
    long[] positions(int layer, int read);

    /** The same flips for every read of a layer: per-chip or per-inference errors. */
    static ReadFlips everyRead(long[][] flipsPerLayer) {
        return (layer, read) -> flipsPerLayer[layer];
    }
}
