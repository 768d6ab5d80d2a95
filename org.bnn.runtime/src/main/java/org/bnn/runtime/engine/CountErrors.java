package org.bnn.runtime.engine;

/**
 * Errors applied to a read's differing counts rather than to weights (the popcount-domain mode of
 * per-inference errors): after the kernel has counted every neuron's differing weights in a layer
 * read once per inference, the change the layer's flips would make is added to each count.
 */
@FunctionalInterface
public interface CountErrors {
    /** Adds the errors of layer {@code layer} (counting layers with weights) to differing[0 .. neurons). */
    void addTo(int layer, int[] differing, int neurons);
}
