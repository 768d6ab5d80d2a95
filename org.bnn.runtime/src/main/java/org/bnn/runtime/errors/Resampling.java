package org.bnn.runtime.errors;

/** When an error pattern is drawn anew (docs/architecture.md, "Error injection"). */
public enum Resampling {
    /** Once per chip instance (trial): static errors, the default. */
    PER_CHIP,
    /**
     * Anew for every inference: the method of the reference group's simulations. For dense layers,
     * where each weight is read once per inference, this is also per read.
     */
    PER_INFERENCE,
    /**
     * Anew for every read of a weight row: differs from per inference for convolutions, whose rows
     * are read once per output position (and per input plane).
     */
    PER_READ
}
