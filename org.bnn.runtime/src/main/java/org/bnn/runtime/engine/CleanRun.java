package org.bnn.runtime.engine;

/**
 * What a network computes without errors for a batch of inputs — every hidden layer's output bits
 * and the output layer's pre-activations — kept so that chips of that network with few flipped
 * weights need not infer everything again ({@link BinaryNetwork.Scratch#predictAllFrom}): as long
 * as an input's activations are still the error-free ones, a layer's outputs can only differ in its
 * neurons with a flipped weight, and only those are recomputed. The results are the same integers
 * as a full inference, so bit-identical.
 * <p>
 * For networks of dense layers, the first one binarized or bit-serial; and for networks with conv or
 * pool stages whose hidden outputs are small, where a chip skips the stages before its first layer
 * with a flipped weight, starting from their kept outputs ({@link BinaryNetwork#supportsCleanRuns}).
 * Memory: (hidden outputs / 8 + 8 × classes) bytes per input plus array headers, e.g. ≈ 0.56 KB for
 * 784-1024-1024-1024-10, ≈ 3 KB for the Fashion-MNIST conv network of examples/fashion-mnist. Filled by
 * {@link BinaryNetwork.Scratch#predictAll(long[][], int, int, int[], boolean[], CleanRun)}; threads
 * filling disjoint ranges of inputs may share one, and it is read only after all of them are done.
 */
public final class CleanRun {
    private final BinaryNetwork network;
    private final long[][] inputs;
    /** A digest of the inputs' contents, so that inputs refilled in place are not taken for the recorded ones. */
    private final long inputsDigest;
    /** [hidden stage][input]: the stage's output bits (for dense networks the stages are the hidden layers). */
    final long[][][] activations;
    /** [input]: the output layer's pre-activations a_k. */
    final long[][] preActivations;

    /** An empty record of {@code network} on exactly these inputs (the same array, not a copy). */
    public CleanRun(BinaryNetwork network, long[][] inputs) {
        if (!network.supportsCleanRuns()) {
            throw new IllegalArgumentException("network " + network.spec().name() + " keeps no clean run: its conv or pool stages' outputs"
                    + " exceed " + BinaryNetwork.MAX_RECORDED_WORDS + " words per input");
        }
        this.network = network;
        this.inputs = inputs;
        this.inputsDigest = digest(inputs);
        this.activations = new long[network.hiddenStages()][inputs.length][];
        this.preActivations = new long[inputs.length][];
    }

    /**
     * True if this is the run of {@code network} on {@code inputs}: the same objects, and the inputs
     * still hold what they held when the run was made (a digest of all their words, ≈ 0.1 ms for
     * 10,000 MNIST-sized inputs).
     */
    public boolean isOf(BinaryNetwork network, long[][] inputs) {
        return this.network == network && this.inputs == inputs && digest(inputs) == inputsDigest;
    }

    private static long digest(long[][] inputs) {
        long digest = inputs.length;
        for (long[] input : inputs) {
            for (long word : input) {
                digest = (digest ^ word) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            }
        }
        return digest;
    }

    BinaryNetwork network() {
        return network;
    }

    long[][] inputs() {
        return inputs;
    }
}
