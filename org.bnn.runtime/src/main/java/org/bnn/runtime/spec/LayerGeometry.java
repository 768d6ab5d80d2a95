package org.bnn.runtime.spec;

/**
 * A layer placed in its network: input and output shapes, and for layers with weights the
 * fan-in N and fan-out M of the matrix stored in the array and the number of output positions at
 * which it is evaluated (1 for dense and output layers, H_out·W_out for a convolution).
 * {@code planes} is the number of input bit planes the layer reads (B for a bit-serial first layer).
 */
public record LayerGeometry(LayerSpec layer, int index, Shape input, Shape output, int fanIn, int fanOut, long positions,
        int planes) {

    /** Stored weights: N·M for layers with weights, 0 for pooling. */
    public long weights() {
        return layer.hasWeights() ? (long) fanIn * fanOut : 0;
    }
}
