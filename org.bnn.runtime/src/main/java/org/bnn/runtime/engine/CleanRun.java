package org.bnn.runtime.engine;

/**
 * What a network computes without errors for a batch of inputs — every hidden layer's output bits
 * and the output layer's pre-activations — kept so that chips of that network with few flipped
 * weights need not infer everything again ({@link BinaryNetwork.Scratch#predictAllFrom}): as long
 * as an input's activations are still the error-free ones, a layer's outputs can only differ in its
 * neurons with a flipped weight, and only those are recomputed. The results are the same integers
 * as a full inference, so bit-identical.
 * <p>
 * Only for networks of dense layers, the first one binarized or bit-serial ({@link BinaryNetwork#supportsCleanRuns}).
 * Memory: (hidden neurons / 8 + 8 × classes) bytes per input, e.g. 464 bytes for 784-1024-1024-1024-10.
 * Filled by {@link BinaryNetwork.Scratch#predictAll(long[][], int, int, int[], boolean[], CleanRun)};
 * threads filling disjoint ranges of inputs may share one.
 */
public final class CleanRun {
    private final BinaryNetwork network;
    private final long[][] inputs;
    /** [hidden layer][input]: the layer's output bits. */
    final long[][][] activations;
    /** [input]: the output layer's pre-activations a_k. */
    final long[][] preActivations;

    /** An empty record of {@code network} on exactly these inputs (the same array, not a copy). */
    public CleanRun(BinaryNetwork network, long[][] inputs) {
        if (!network.supportsCleanRuns()) {
            throw new IllegalArgumentException("network " + network.spec().name()
                    + " has layers other than dense ones (conv or pool): no clean run to reuse");
        }
        this.network = network;
        this.inputs = inputs;
        this.activations = new long[network.weightLayerCount() - 1][inputs.length][];
        this.preActivations = new long[inputs.length][];
    }

    /** True if this is the run of {@code network} on {@code inputs} (the same objects). */
    public boolean isOf(BinaryNetwork network, long[][] inputs) {
        return this.network == network && this.inputs == inputs;
    }

    BinaryNetwork network() {
        return network;
    }

    long[][] inputs() {
        return inputs;
    }
}
