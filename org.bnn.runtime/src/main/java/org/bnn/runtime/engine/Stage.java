package org.bnn.runtime.engine;

/**
 * One step of the fast engine: a layer with weights, or a max pool (an average pool is fused into
 * its conv). An abstract class rather than an interface so that the steps stay package-private.
 */
abstract class Stage {
    /** Reads packed activations (or input planes) and writes the next packed activations. */
    abstract void forward(long[] input, long[] output, Workspace workspace);

    /**
     * The same for {@code count} inputs: inputs[j] → outputs[j]. Stages that can share work between
     * inputs (a dense layer loads each weight once for several) override it; the result is the same.
     */
    void forward(long[][] inputs, long[][] outputs, int count, Workspace workspace) {
        for (int j = 0; j < count; j++) {
            forward(inputs[j], outputs[j], workspace);
        }
    }

    /** Bits the stage writes. */
    abstract int outputBits();
}
