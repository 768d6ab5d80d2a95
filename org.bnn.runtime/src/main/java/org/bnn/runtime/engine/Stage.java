package org.bnn.runtime.engine;

/**
 * One step of the fast engine: a layer with weights, or a max pool (an average pool is fused into
 * its conv). An abstract class rather than an interface so that the steps stay package-private.
 */
abstract class Stage {
    /** Reads packed activations (or input planes) and writes the next packed activations. */
    abstract void forward(long[] input, long[] output, Workspace workspace);

    /** Bits the stage writes. */
    abstract int outputBits();
}
