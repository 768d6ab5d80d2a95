package org.bnn.runtime.spec;

/** Pooling on binary activations (docs/architecture.md, "The binary neuron"). */
public enum PoolKind {
    /** Max of ±1 values: the OR of the bits. */
    MAX,
    /** Average: sums the window's pre-activations; the window size folds into the threshold. */
    AVG
}
