package org.bnn.runtime.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bnn.runtime.spec.NetworkSpec;

/**
 * A runnable binarized network: the layers of a {@link NetworkSpec} with their trained (or random)
 * parameters. Inputs are the packed planes of {@link InputEncoder} ({@link #encode} turns real
 * inputs into them); for a binarized input that is one packed ±1 vector. Layers with weights are
 * numbered 0..{@link #weightLayerCount()}−1 in order, the output layer last: error patterns are
 * indexed that way. Instances are immutable and can be shared between threads; per-thread state
 * lives in a {@link Scratch}.
 */
public final class BinaryNetwork {
    private final NetworkSpec spec;
    private final InputEncoder encoder;
    private final List<Stage> stages;
    private final List<WeightLayer> weightLayers;
    private final WeightLayer output;
    private final OutputAffine affine;
    private final int activationWords;
    private final int patchWords;
    private final int paddedWords;
    private final int counts;
    private final int neurons;
    /** True if the output layer is the last stage, so that predictAll can run the others input block by input block. */
    private final boolean groupable;

    BinaryNetwork(NetworkSpec spec, InputEncoder encoder, List<Stage> stages) {
        this.spec = spec;
        this.encoder = encoder;
        this.stages = List.copyOf(stages);
        List<WeightLayer> layers = new ArrayList<>();
        int activationBits = 0;
        int patch = 0;
        int padded = 0;
        int count = 0;
        int widest = 0;
        for (Stage stage : this.stages) {
            activationBits = Math.max(activationBits, stage.outputBits());
            if (stage instanceof WeightLayer layer) {
                layers.add(layer);
                patch = Math.max(patch, PackedBits.words(layer.geometry().fanIn()));
                padded = Math.max(padded, layer.paddedWords());
                count = Math.max(count, layer.countsNeeded());
                widest = Math.max(widest, layer.weights().rows());
            }
        }
        this.weightLayers = List.copyOf(layers);
        this.output = layers.get(layers.size() - 1);
        this.affine = output.affine().orElseThrow(() -> new IllegalArgumentException("the last layer must be the output layer"));
        this.activationWords = PackedBits.words(activationBits);
        this.patchWords = patch;
        this.paddedWords = padded;
        this.counts = count;
        this.neurons = widest;
        this.groupable = this.stages.get(this.stages.size() - 1) == output;
    }

    /**
     * The network {@code spec} describes, with {@code parameters} for every layer with weights.
     * Rejects missing, extra or mis-shaped parameters with a message naming the layer and field.
     */
    public static BinaryNetwork create(NetworkSpec spec, NetworkParameters parameters) {
        return NetworkAssembly.assemble(spec, parameters);
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** How real inputs become the input planes. */
    public InputEncoder encoder() {
        return encoder;
    }

    /** Number of input values (per plane). */
    public int inputSize() {
        return encoder.size();
    }

    /** Input planes (B for bit-serial input, else 1). */
    public int inputPlanes() {
        return encoder.planes();
    }

    /** Words of one encoded input. */
    public int inputWords() {
        return encoder.words();
    }

    public int classes() {
        return output.weights().rows();
    }

    /** Layers with weights, the output layer included: the layers error patterns index. */
    public int weightLayerCount() {
        return weightLayers.size();
    }

    /** The layers with weights, in order. */
    public List<WeightLayer> weightLayers() {
        return weightLayers;
    }

    /** Layer {@code layer} among the layers with weights. */
    public WeightLayer weightLayer(int layer) {
        return weightLayers.get(layer);
    }

    /** The stored weights of layer {@code layer} (counting layers with weights). */
    public WeightMatrix weights(int layer) {
        return weightLayers.get(layer).weights();
    }

    /** The class-score affine of the output layer. */
    public OutputAffine outputAffine() {
        return affine;
    }

    /** The input planes of real inputs in [0, 1]. */
    public long[] encode(double[] input) {
        return encoder.encode(input);
    }

    /** The input planes of real inputs in [0, 1]. */
    public long[] encode(float[] input) {
        return encoder.encode(input);
    }

    /**
     * The network with the weights at the given logical positions inverted, per layer with weights
     * ({@code flips[layer]}, sorted or not, each position once): a chip instance with static errors.
     */
    public BinaryNetwork withWeightFlips(long[][] flips) {
        checkLayers(flips);
        List<Stage> flipped = new ArrayList<>();
        for (Stage stage : stages) {
            if (stage instanceof WeightLayer layer && flips[layer.index()].length > 0) {
                flipped.add(layer.withWeights(layer.weights().withFlips(flips[layer.index()])));
            } else {
                flipped.add(stage);
            }
        }
        return new BinaryNetwork(spec, encoder, flipped);
    }

    /** Integer pre-activations a_k of the output layer for one encoded input. */
    public long[] preActivations(long[] input) {
        Scratch scratch = newScratch();
        scratch.predict(input);
        return scratch.lastPreActivations();
    }

    /** Class scores s_k = g_k·ā_k + h_k of one encoded input. */
    public double[] scores(long[] input) {
        Scratch scratch = newScratch();
        scratch.predict(input);
        return scratch.lastScores();
    }

    /** Predicted class of one encoded input. */
    public int predict(long[] input) {
        return newScratch().predict(input);
    }

    /** Per-thread working memory, with private weight copies for per-inference and per-read errors. */
    public Scratch newScratch() {
        return new Scratch();
    }

    private void checkLayers(long[][] flips) {
        if (flips.length != weightLayerCount()) {
            throw new IllegalArgumentException("need flips for " + weightLayerCount() + " layers with weights, got " + flips.length);
        }
    }

    private void checkInput(long[] input) {
        if (input.length != encoder.words()) {
            throw new IllegalArgumentException("an encoded input has " + encoder.words() + " words (" + encoder.planes()
                    + " planes of " + encoder.size() + " bits), got " + input.length);
        }
        int planeWords = PackedBits.words(encoder.size());
        int padding = planeWords * Long.SIZE - encoder.size();
        if (padding > 0) {
            long mask = -1L << (Long.SIZE - padding);
            for (int b = 0; b < encoder.planes(); b++) {
                if ((input[(b + 1) * planeWords - 1] & mask) != 0) {
                    throw new IllegalArgumentException("input plane " + b + " has bits set past its " + encoder.size() + " values");
                }
            }
        }
    }

    private static final long[] NO_FLIPS = new long[0];

    /** Buffers and private weights of one worker; not thread-safe, cheap to reuse. */
    public final class Scratch {
        private final long[] a = new long[activationWords];
        private final long[] b = new long[activationWords];
        private final Workspace workspace = new Workspace(patchWords, paddedWords, counts, neurons, classes(), weightLayerCount());
        private final double[] scores = new double[classes()];
        private final long[][] group = new long[Workspace.GROUP][];
        private long[][] groupA;
        private long[][] groupB;
        private WeightMatrix[] privateWeights;

        private Scratch() {
        }

        /** Predicted class of one encoded input, with no errors beyond those the network carries. */
        public int predict(long[] input) {
            return run(input, null, null);
        }

        /**
         * Predicted class of one input with the given weights inverted for this inference only
         * (flips[layer], each position once). The flips are applied to private copies and undone.
         */
        public int predictWithFlips(long[] input, long[][] flips) {
            checkLayers(flips);
            return run(input, flips, null);
        }

        /** Predicted class of one input with the weights {@code reads} names inverted during each read only. */
        public int predictWithReadFlips(long[] input, ReadFlips reads) {
            return run(input, null, reads);
        }

        /**
         * The predicted classes of {@code inputs[from .. to)} into {@code predictions[from .. to)}, with no
         * errors beyond those the network carries, and whether more than one class shared the largest
         * score into {@code tied[from .. to)} (if {@code tied} is not null): the same as {@link #predict}
         * and {@link #lastSharingMaximum} input by input, but faster for many inputs, since dense layers
         * then load each weight once for several inputs. The last* methods then describe {@code inputs[to − 1]}.
         */
        public void predictAll(long[][] inputs, int from, int to, int[] predictions, boolean[] tied) {
            if (from < 0 || to > inputs.length || from > to || to > predictions.length || tied != null && to > tied.length) {
                throw new IndexOutOfBoundsException("inputs [" + from + ", " + to + ") of " + inputs.length + ", predictions "
                        + predictions.length + (tied != null ? ", tied " + tied.length : ""));
            }
            if (!groupable) {
                for (int n = from; n < to; n++) {
                    predictions[n] = predict(inputs[n]);
                    if (tied != null) {
                        tied[n] = lastSharingMaximum() > 1;
                    }
                }
                return;
            }
            for (int n = from; n < to; n++) {
                checkInput(inputs[n]);
            }
            if (groupA == null) {
                groupA = new long[Workspace.GROUP][activationWords];
                groupB = new long[Workspace.GROUP][activationWords];
            }
            for (int l = 0; l < weightLayerCount(); l++) {
                workspace.stored[l] = weights(l);
            }
            int hidden = stages.size() - 1;
            for (int start = from; start < to; start += Workspace.GROUP) {
                int count = Math.min(Workspace.GROUP, to - start);
                System.arraycopy(inputs, start, group, 0, count);
                long[][] current = group;
                long[][] next = groupA;
                for (int s = 0; s < hidden; s++) {
                    stages.get(s).forward(current, next, count, workspace);
                    current = next;
                    next = next == groupA ? groupB : groupA;
                }
                for (int j = 0; j < count; j++) {
                    output.forward(current[j], a, workspace);
                    predictions[start + j] = finish();
                    if (tied != null) {
                        tied[start + j] = lastSharingMaximum() > 1;
                    }
                }
            }
            Arrays.fill(group, null);
        }

        /** The class scores of the last prediction. */
        public double[] lastScores() {
            return scores.clone();
        }

        /** The output layer's integer pre-activations a_k of the last prediction. */
        public long[] lastPreActivations() {
            return workspace.preActivations.clone();
        }

        /** Classes that shared the largest score in the last prediction (1 = no tie). */
        public int lastSharingMaximum() {
            return Argmax.sharingMaximum(scores);
        }

        /**
         * One inference. Flips of a layer read once (dense layers) correct its counts; flips for the whole
         * inference of a layer read at many positions (conv, bit-serial) are applied to a private copy
         * and undone, two writes per flip instead of one correction per flip and read.
         */
        private int run(long[] input, long[][] flips, ReadFlips reads) {
            checkInput(input);
            for (int l = 0; l < weightLayerCount(); l++) {
                workspace.stored[l] = weights(l);
            }
            try {
                workspace.reads = reads;
                if (flips != null) {
                    flipManyReadCopies(flips);
                    workspace.reads = ReadFlips.everyRead(oneReadFlips(flips));
                }
                long[] current = input;
                long[] next = a;
                for (Stage stage : stages) {
                    stage.forward(current, next, workspace);
                    current = next;
                    next = next == a ? b : a;
                }
                if (flips != null) {
                    flipManyReadCopies(flips); // undo
                }
            } catch (RuntimeException e) {
                privateWeights = null; // possibly left flipped: copy afresh next time
                throw e;
            } finally {
                workspace.reads = null;
            }
            return finish();
        }

        /** Inverts the flips of the layers read more than once in their private copies (a second call undoes it). */
        private void flipManyReadCopies(long[][] flips) {
            for (int l = 0; l < flips.length; l++) {
                if (weightLayer(l).reads() > 1 && flips[l].length > 0) {
                    workspace.stored[l] = privateWeights(l);
                    privateWeights[l].flipInPlace(flips[l]);
                }
            }
        }

        /** The flips the layers read once correct in their counts (none for the others). */
        private long[][] oneReadFlips(long[][] flips) {
            long[][] corrected = new long[flips.length][];
            for (int l = 0; l < flips.length; l++) {
                corrected[l] = weightLayer(l).reads() > 1 ? NO_FLIPS : flips[l];
            }
            return corrected;
        }

        /** Scores from the output layer's pre-activations, and the predicted class. */
        private int finish() {
            for (int k = 0; k < scores.length; k++) {
                scores[k] = affine.score(k, workspace.preActivations[k]);
            }
            return Argmax.index(scores);
        }

        private WeightMatrix privateWeights(int layer) {
            if (privateWeights == null) {
                privateWeights = new WeightMatrix[weightLayerCount()];
            }
            if (privateWeights[layer] == null) {
                privateWeights[layer] = weights(layer).mutableCopy();
            }
            return privateWeights[layer];
        }
    }
}
