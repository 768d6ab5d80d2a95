package org.bnn.runtime.spec;

/** What a layer computes after its XNOR-popcount. */
public enum LayerKind {
    /** Binary neurons: popcount compared with a threshold, output ±1. */
    DENSE,
    /** Classifier: integer pre-activations kept as scores, prediction by argmax. */
    OUTPUT
}
