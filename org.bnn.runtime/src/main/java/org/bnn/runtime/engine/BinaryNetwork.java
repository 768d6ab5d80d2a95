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
    /**
     * True if chips start from a clean run by skipping the layers before their first flipped weight
     * (networks with conv or pool stages whose hidden outputs, all kept, fit {@link #MAX_RECORDED_WORDS}).
     */
    private final boolean prefixRuns;
    /** Words of hidden-stage outputs a clean run may keep per input for {@link #prefixRuns} (4 KB: 40 MB for 10,000 inputs). */
    static final int MAX_RECORDED_WORDS = 512;
    /** For a chip made by {@link #withWeightFlips}: the network it was made from; else null. */
    private final BinaryNetwork base;
    /** For such a chip: per layer with weights, the neurons (rows) with a flipped weight, ascending. */
    private final int[][] flippedRows;

    BinaryNetwork(NetworkSpec spec, InputEncoder encoder, List<Stage> stages) {
        this(spec, encoder, stages, null, null);
    }

    private BinaryNetwork(NetworkSpec spec, InputEncoder encoder, List<Stage> stages, BinaryNetwork base, int[][] flippedRows) {
        this.base = base;
        this.flippedRows = flippedRows;
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
                patch = Math.max(patch, PackedBits.words(layer.weights().fanIn())); // twice the fan-in for ternary rows
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
        long recorded = 0;
        boolean dense = true;
        for (Stage stage : this.stages.subList(0, this.stages.size() - 1)) {
            recorded += PackedBits.words(stage.outputBits());
            dense &= stage instanceof WeightLayer layer && layer.rowByRow();
        }
        this.prefixRuns = groupable && !(dense && output.rowByRow()) && recorded <= MAX_RECORDED_WORDS;
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
        int[][] rows = new int[flips.length][];
        for (Stage stage : stages) {
            if (stage instanceof WeightLayer layer && flips[layer.index()].length > 0) {
                WeightMatrix weights = layer.weights();
                flipped.add(layer.withWeights(weights.withFlips(flips[layer.index()])));
                rows[layer.index()] = weights.rowsOf(flips[layer.index()]);
            } else {
                flipped.add(stage);
                if (stage instanceof WeightLayer layer) {
                    rows[layer.index()] = new int[0];
                }
            }
        }
        // The chip differs from this network in exactly these rows: a run of this network can serve it.
        return new BinaryNetwork(spec, encoder, flipped, this, rows);
    }

    /**
     * True if chips of this network can start from its error-free runs ({@link CleanRun}): every layer
     * with weights is dense (one position, no pool; the first may read a bit-serial input), and chips
     * recompute only the neurons with a flipped weight; or the network has conv or pool stages whose
     * hidden outputs take at most {@value #MAX_RECORDED_WORDS} words per input, and chips skip the
     * stages before their first layer with a flipped weight.
     */
    public boolean supportsCleanRuns() {
        return prefixRuns || denseRuns();
    }

    private boolean denseRuns() {
        for (Stage stage : stages) {
            if (!(stage instanceof WeightLayer layer && layer.rowByRow())) {
                return false;
            }
        }
        return true;
    }

    /** Hidden stages (all but the output layer): the outputs a {@link CleanRun} keeps. */
    int hiddenStages() {
        return stages.size() - 1;
    }

    /** For a chip: the first stage that is a layer with a flipped weight (the output layer if none is). */
    private int firstFlippedStage() {
        for (int s = 0; s < stages.size() - 1; s++) {
            if (stages.get(s) instanceof WeightLayer layer && flippedRows[layer.index()].length > 0) {
                return s;
            }
        }
        return stages.size() - 1;
    }

    /**
     * True if this chip is worth inferring from {@code clean} ({@link Scratch#predictAllFrom}): it was
     * made by {@link #withWeightFlips} from the network of that run, and at most half of its neurons
     * have a flipped weight (each is checked for every input whose activations are still error-free;
     * beyond that the checks cost about as much as inferring everything).
     */
    public boolean worthStartingFrom(CleanRun clean) {
        if (base == null || clean.network() != base) {
            return false;
        }
        if (prefixRuns) {
            return firstFlippedStage() > 0; // else nothing to skip
        }
        long flipped = 0;
        long all = 0;
        for (int l = 0; l < flippedRows.length; l++) {
            flipped += flippedRows[l].length;
            all += weights(l).rows();
        }
        return 2 * flipped <= all;
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

        /**
         * Predicted class of one input with per-inference errors partly in the popcount domain:
         * {@code countErrors} changes the counts of the layers read once, {@code flips} (as for
         * {@link #predictWithFlips}) inverts weights of the others for this inference.
         */
        public int predictWithCountErrors(long[] input, long[][] flips, CountErrors countErrors) {
            checkLayers(flips);
            workspace.countErrors = countErrors;
            try {
                return run(input, flips, null);
            } finally {
                workspace.countErrors = null;
            }
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
            predictAll(inputs, from, to, predictions, tied, null);
        }

        /**
         * {@link #predictAll(long[][], int, int, int[], boolean[])}, keeping every layer's outputs of
         * {@code inputs[from .. to)} in {@code record} (if not null; it must be of this network and
         * these inputs).
         */
        public void predictAll(long[][] inputs, int from, int to, int[] predictions, boolean[] tied, CleanRun record) {
            checkRange(inputs, from, to, predictions, tied);
            if (record != null && (record.network() != BinaryNetwork.this || record.inputs() != inputs)) {
                throw new IllegalArgumentException("the clean run to record is of another network or other inputs");
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
            predictGroups(inputs, 0, from, to, predictions, tied, record);
        }

        /**
         * Inputs from .. to − 1 through stages {@code first} .. (the output layer), {@link Workspace#GROUP}
         * at a time, starting from {@code entering}[n], what enters stage {@code first} for input n; every
         * stage's outputs into {@code record} if not null.
         */
        private void predictGroups(long[][] entering, int first, int from, int to, int[] predictions, boolean[] tied, CleanRun record) {
            prepareGroups();
            int hidden = stages.size() - 1;
            for (int start = from; start < to; start += Workspace.GROUP) {
                int count = Math.min(Workspace.GROUP, to - start);
                System.arraycopy(entering, start, group, 0, count);
                long[][] current = group;
                long[][] next = groupA;
                for (int s = first; s < hidden; s++) {
                    stages.get(s).forward(current, next, count, workspace);
                    if (record != null) {
                        int words = PackedBits.words(stages.get(s).outputBits());
                        for (int j = 0; j < count; j++) {
                            record.activations[s][start + j] = Arrays.copyOf(next[j], words);
                        }
                    }
                    current = next;
                    next = next == groupA ? groupB : groupA;
                }
                for (int j = 0; j < count; j++) {
                    output.forward(current[j], a, workspace);
                    predictions[start + j] = finish();
                    if (tied != null) {
                        tied[start + j] = lastSharingMaximum() > 1;
                    }
                    if (record != null) {
                        record.preActivations[start + j] = workspace.preActivations.clone();
                    }
                }
            }
            Arrays.fill(group, null);
        }

        /** The buffers of a group of inputs, and every layer reading its shared weights. */
        private void prepareGroups() {
            if (groupA == null) {
                groupA = new long[Workspace.GROUP][activationWords];
                groupB = new long[Workspace.GROUP][activationWords];
            }
            for (int l = 0; l < weightLayerCount(); l++) {
                workspace.stored[l] = weights(l);
            }
        }

        /**
         * The same as {@link #predictAll(long[][], int, int, int[], boolean[])} on this chip, computed from
         * the error-free run of the network it was made from ({@link #worthStartingFrom} must hold): layer
         * by layer, an input whose activations are still the error-free ones has only the neurons with a
         * flipped weight recomputed, and keeps the error-free outputs if none of them changes; inputs whose
         * activations differ go through the layer as in predictAll. Bit-identical to predictAll.
         */
        public void predictAllFrom(CleanRun clean, long[][] inputs, int from, int to, int[] predictions, boolean[] tied) {
            checkRange(inputs, from, to, predictions, tied);
            // The same objects; that their contents are the recorded ones the caller checks once per run (CleanRun.isOf).
            if (!worthStartingFrom(clean) || clean.inputs() != inputs) {
                throw new IllegalArgumentException("this chip cannot start from that clean run (another network or other inputs)");
            }
            for (int n = from; n < to; n++) {
                if (clean.preActivations[n] == null) {
                    throw new IllegalArgumentException("the clean run has no record of input " + n);
                }
            }
            if (prefixRuns) {
                // The stages before the first with a flipped weight compute what they computed without errors.
                int resume = firstFlippedStage();
                predictGroups(clean.activations[resume - 1], resume, from, to, predictions, tied, null);
                return;
            }
            prepareGroups();
            long[][] current = new long[Workspace.GROUP][];
            long[][] next = new long[Workspace.GROUP][];
            int[] moving = new int[Workspace.GROUP];
            for (int start = from; start < to; start += Workspace.GROUP) {
                int count = Math.min(Workspace.GROUP, to - start);
                Arrays.fill(current, null); // null: the input's activations are still the error-free ones
                for (int s = 0; s < stages.size() - 1; s++) {
                    WeightLayer layer = (WeightLayer) stages.get(s);
                    // Inputs that left the error-free path earlier go through the whole layer, together.
                    int moved = 0;
                    for (int j = 0; j < count; j++) {
                        if (current[j] != null) {
                            moving[moved] = j;
                            next[moved] = current[j] == groupA[j] ? groupB[j] : groupA[j];
                            group[moved] = current[j];
                            moved++;
                        }
                    }
                    if (moved > 0) {
                        layer.forward(group, next, moved, workspace);
                        for (int i = 0; i < moved; i++) {
                            current[moving[i]] = next[i];
                        }
                    }
                    // The others: only the neurons with a flipped weight can differ.
                    for (int j = 0; j < count; j++) {
                        if (current[j] == null) {
                            current[j] = divergence(layer, s, clean, inputs, start + j, groupA[j]);
                        }
                    }
                }
                for (int j = 0; j < count; j++) {
                    int n = start + j;
                    if (current[j] != null) {
                        output.forward(current[j], a, workspace);
                    } else {
                        long[] in = output.index() == 0 ? inputs[n] : clean.activations[output.index() - 1][n];
                        System.arraycopy(clean.preActivations[n], 0, workspace.preActivations, 0, scores.length);
                        for (int k : flippedRows[output.index()]) {
                            workspace.preActivations[k] = output.preActivation(output.weights(), in, k);
                        }
                    }
                    predictions[n] = finish();
                    if (tied != null) {
                        tied[n] = lastSharingMaximum() > 1;
                    }
                }
            }
            Arrays.fill(group, null);
        }

        /**
         * For an input whose activations are error-free up to hidden layer s: null if the layer's
         * outputs on this chip are the error-free ones too, else those outputs, written into {@code buffer}.
         */
        private long[] divergence(WeightLayer layer, int s, CleanRun clean, long[][] inputs, int n, long[] buffer) {
            long[] in = s == 0 ? inputs[n] : clean.activations[s - 1][n];
            long[] out = clean.activations[s][n];
            WeightMatrix stored = layer.weights();
            System.arraycopy(out, 0, buffer, 0, out.length);
            for (int k : flippedRows[s]) {
                long bit = 1L << k;
                buffer[k >>> 6] = layer.fires(stored, in, k) ? buffer[k >>> 6] | bit : buffer[k >>> 6] & ~bit;
            }
            return Arrays.equals(buffer, 0, out.length, out, 0, out.length) ? null : buffer;
        }

        private void checkRange(long[][] inputs, int from, int to, int[] predictions, boolean[] tied) {
            if (from < 0 || to > inputs.length || from > to || to > predictions.length || tied != null && to > tied.length) {
                throw new IndexOutOfBoundsException("inputs [" + from + ", " + to + ") of " + inputs.length + ", predictions "
                        + predictions.length + (tied != null ? ", tied " + tied.length : ""));
            }
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
