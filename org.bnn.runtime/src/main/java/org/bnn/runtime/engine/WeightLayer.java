package org.bnn.runtime.engine;

import java.util.Arrays;
import java.util.Optional;

import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;

/**
 * A layer with weights in the fast engine: dense, conv or output, reading one or B input planes.
 * For every output position (one for dense and output layers) and plane it takes the fan-in
 * vector (the input itself, or a conv patch from {@link Unrolling}), and every neuron's match count
 * P with its stored row. Then
 * <ul>
 * <li>hidden layers compare the count V = Σ_b 2^b·P_b with the neuron's {@link Thresholds
 * threshold} and write the output bit at (position·M + k), i.e. HWC;</li>
 * <li>a conv followed by an average pool sums V over each window and compares that sum (the
 * window size is folded into the thresholds);</li>
 * <li>the output layer keeps a_k = 2V − S·N, to which the periphery applies its {@link OutputAffine}.</li>
 * </ul>
 * Every read goes through the engine's kernel ({@link Kernels#ACTIVE}) for all neurons at once; in the
 * common case, one plane and a plain threshold, a branch-free pass then sets the output bits.
 * Flips of a read (from the {@link Workspace}) correct that read's counts ({@link WeightMatrix#addFlipDifferences});
 * count errors ({@link CountErrors}, the popcount-domain mode) are added to the counts of a layer read once.
 */
public final class WeightLayer extends Stage {
    private final int index;
    private final LayerGeometry geometry;
    private final WeightMatrix weights;
    private final Unrolling unrolling;
    private final int planeWords;
    private final long inputScale;
    private final Thresholds thresholds;
    private final PoolWindows averagePool;
    private final OutputAffine affine;
    /** True for ternary weights: stored as two planes, read with every input vector twice ({@link TernaryPlanes}). */
    private final boolean ternary;
    /**
     * The thresholds in the form the one-plane path uses, per neuron: it fires iff
     * (limit[k] − differing) ≥ 0, XOR-ed with the direction (sign[k] = 1 for V ≥ t, 0 for V ≤ t),
     * computed without branches (a random network fires about half its neurons, which branches
     * would mispredict about half the time). Null for the output layer.
     */
    private final int[] limit;
    private final int[] sign;
    /** The thresholds for counts of any scale: fires iff (V ≥ lowest[k]) XOR below[k] (1 for V ≤ t). Null for the output layer. */
    private final long[] lowest;
    private final int[] below;
    /** A bit-serial conv computed from input levels ({@link BitSerialConv}), or null. */
    private final BitSerialConv serial;

    private WeightLayer(int index, LayerGeometry geometry, WeightMatrix weights, Unrolling unrolling, long inputScale,
            Thresholds thresholds, PoolWindows averagePool, OutputAffine affine) {
        this.index = index;
        this.geometry = geometry;
        this.weights = weights;
        this.unrolling = unrolling;
        this.planeWords = PackedBits.words((int) geometry.input().size());
        this.inputScale = inputScale;
        this.thresholds = thresholds;
        this.averagePool = averagePool;
        this.affine = affine;
        this.ternary = weights.fanIn() != geometry.fanIn();
        this.serial = unrolling != null && BitSerialConv.fits(geometry.planes(), weights.fanIn())
                ? new BitSerialConv((LayerSpec.Conv) geometry.layer(), geometry.input(), geometry.output(), geometry.planes(),
                        averagePool == null ? thresholds : null)
                : null;
        if (ternary && weights.fanIn() != 2 * geometry.fanIn()) {
            throw new IllegalArgumentException("layer " + geometry.layer().name() + ": stored rows of " + weights.fanIn()
                    + " bits for a fan-in of " + geometry.fanIn() + " (binary rows have the fan-in, ternary ones twice it)");
        }
        if (thresholds != null) {
            int neurons = weights.rows();
            int fanIn = weights.fanIn();
            this.limit = new int[neurons];
            this.sign = new int[neurons];
            this.lowest = new long[neurons];
            this.below = new int[neurons];
            for (int k = 0; k < neurons; k++) {
                long t = thresholds.threshold(k);
                sign[k] = thresholds.atLeast(k) ? 1 : 0;
                lowest[k] = t + 1 - sign[k];
                below[k] = 1 - sign[k];
                // P = fanIn − differing ≥ lowest ⇔ fanIn − lowest − differing ≥ 0; P is in [0, fanIn], so lowest
                // can be clamped to [0, fanIn + 1] without changing any comparison.
                limit[k] = (int) (fanIn - Math.max(0, Math.min(fanIn + 1L, lowest[k])));
            }
        } else {
            this.limit = null;
            this.sign = null;
            this.lowest = null;
            this.below = null;
        }
    }

    /** A hidden dense or conv layer; {@code averagePool} is the pool that follows it, or null. */
    static WeightLayer hidden(int index, LayerGeometry geometry, WeightMatrix weights, Unrolling unrolling, long inputScale,
            Thresholds thresholds, PoolWindows averagePool) {
        return new WeightLayer(index, geometry, weights, unrolling, inputScale, thresholds, averagePool, null);
    }

    /** The output layer. */
    static WeightLayer output(int index, LayerGeometry geometry, WeightMatrix weights, long inputScale, OutputAffine affine) {
        return new WeightLayer(index, geometry, weights, null, inputScale, null, null, affine);
    }

    /** The same layer reading other weights (a chip instance with static errors). */
    WeightLayer withWeights(WeightMatrix other) {
        return new WeightLayer(index, geometry, other, unrolling, inputScale, thresholds, averagePool, affine);
    }

    /** Position of this layer among the layers with weights: the index error patterns use. */
    public int index() {
        return index;
    }

    /** Shapes, fan-in, fan-out, positions and planes, as the spec defines them. */
    public LayerGeometry geometry() {
        return geometry;
    }

    /**
     * The rows the engine reads: the binary weights, or for ternary weights their two planes, rows of
     * twice the fan-in ({@link TernaryPlanes}); error positions index these rows.
     */
    public WeightMatrix weights() {
        return weights;
    }

    /** True if the weights are ternary (stored as two planes). */
    public boolean ternary() {
        return ternary;
    }

    /** Input planes read (B for a bit-serial first layer, else 1). */
    public int planes() {
        return geometry.planes();
    }

    /** S = 2^B − 1 for a bit-serial first layer, else 1: the largest magnitude of a centred input value. */
    public long inputScale() {
        return inputScale;
    }

    /** Row reads of one neuron per inference: positions × planes (read r = position·planes + plane). */
    public int reads() {
        return (int) geometry.positions() * geometry.planes();
    }

    /** The thresholds of a hidden layer. */
    public Optional<Thresholds> thresholds() {
        return Optional.ofNullable(thresholds);
    }

    /** The class-score affine of the output layer. */
    public Optional<OutputAffine> affine() {
        return Optional.ofNullable(affine);
    }

    /** True if an average pool follows, so that the thresholds compare window sums. */
    public boolean averagePooled() {
        return averagePool != null;
    }

    /**
     * True if one neuron's output can be computed alone from the layer's input: one position, no
     * pool (dense hidden and output layers, a bit-serial first one included). Chips then reuse an
     * error-free run.
     */
    boolean rowByRow() {
        return unrolling == null && averagePool == null && geometry.positions() == 1 && !ternary; // a ternary row reads x‖x
    }

    /** Whether neuron k of this {@link #rowByRow} hidden layer fires on {@code input} with the weights {@code stored}. */
    boolean fires(WeightMatrix stored, long[] input, int k) {
        if (geometry.planes() == 1) { // as fire() decides it
            return firesBit(k, stored.fanIn() - stored.matches(k, input)) != 0;
        }
        return thresholds.fires(k, count(stored, input, k)); // as threshold() decides it
    }

    /** a_k of this {@link #rowByRow} output layer on {@code input} with the weights {@code stored}, as forward writes it. */
    long preActivation(WeightMatrix stored, long[] input, int k) {
        return 2 * count(stored, input, k) - inputScale * stored.fanIn();
    }

    /** V_k = Σ_b 2^b·P_b of neuron k over the input planes, as accumulate() sums it. */
    private long count(WeightMatrix stored, long[] input, int k) {
        long count = 0;
        for (int b = 0; b < geometry.planes(); b++) {
            count += (long) stored.matches(k, input, b * planeWords) << b;
        }
        return count;
    }

    /** Bits this layer writes: positions (pooled, if an average pool follows) × neurons; 0 for the output layer. */
    @Override
    int outputBits() {
        if (affine != null) {
            return 0;
        }
        return (averagePool != null ? averagePool.positions() : (int) geometry.positions()) * weights.rows();
    }

    /** Words of the padded input maps of all planes (0 if the layer needs none). */
    int paddedWords() {
        return unrolling != null && unrolling.padded() ? geometry.planes() * unrolling.paddedWords() : 0;
    }

    /** Counts the layer keeps at once: every position's when average pooled, one position's when accumulating. */
    int countsNeeded() {
        if (averagePool != null) {
            return (int) geometry.positions() * weights.rows();
        }
        return affine != null || geometry.planes() > 1 ? weights.rows() : 0;
    }

    @Override
    void forward(long[] input, long[] output, Workspace workspace) {
        WeightMatrix stored = workspace.stored[index];
        int neurons = stored.rows();
        int positions = (int) geometry.positions();
        if (serial != null) {
            serialForward(stored, input, output, workspace);
            return;
        }
        if (unrolling != null && unrolling.padded()) {
            for (int b = 0; b < geometry.planes(); b++) {
                unrolling.pad(input, b * planeWords, workspace.padded, b * unrolling.paddedWords());
            }
        }
        if (affine != null) {
            long[] a = workspace.preActivations;
            accumulate(stored, input, 0, a, 0, workspace);
            long range = inputScale * stored.fanIn();
            int half = ternary ? 1 : 0; // a ternary layer's 2V − range is twice its pre-activation, and even
            for (int k = 0; k < neurons; k++) {
                a[k] = (2 * a[k] - range) >> half;
            }
            return;
        }
        Arrays.fill(output, 0, PackedBits.words(outputBits()), 0L);
        if (unrolling != null && averagePool == null && geometry.planes() == 1 && positions > 1) {
            fireBlocks(stored, input, output, workspace);
            return;
        }
        long[] counts = workspace.counts;
        for (int position = 0; position < positions; position++) {
            if (averagePool != null) {
                accumulate(stored, input, position, counts, position * neurons, workspace);
            } else if (geometry.planes() == 1) {
                fire(stored, input, position, output, workspace);
            } else {
                accumulate(stored, input, position, counts, 0, workspace);
                threshold(counts, neurons, position * neurons, output);
            }
        }
        if (averagePool != null) {
            poolAndThreshold(counts, workspace.sums, neurons, output);
        }
    }

    /** The common case: every neuron's count at one position, one plane, against its threshold. */
    private void fire(WeightMatrix stored, long[] input, int position, long[] output, Workspace workspace) {
        long[] vector = vector(input, 0, position, workspace);
        int offset = workspace.offset;
        int neurons = stored.rows();
        int[] differing = workspace.differing;
        Kernels.ACTIVE.differences(stored.words(), stored.wordsPerRow(), neurons, vector, offset, differing);
        addReadFlips(stored, position, vector, offset, differing, workspace);
        addCountErrors(differing, neurons, workspace);
        fireAll(differing, 0, neurons, position * neurons, output);
    }

    /**
     * A one-plane conv layer: the patches of {@link Workspace#GROUP} positions at a time through the
     * kernel together, so that each weight word is loaded once for several positions (rows of a conv
     * are short: 9·C_in bits), then every neuron's bit at each position.
     */
    private void fireBlocks(WeightMatrix stored, long[] input, long[] output, Workspace workspace) {
        int neurons = stored.rows();
        int positions = (int) geometry.positions();
        long[] map = unrolling.padded() ? workspace.padded : input;
        long[][] block = workspace.patches;
        if (workspace.reads == null && Kernels.ACTIVE.fires(stored.wordsPerRow(), neurons, workspace.kernelBuffer.length)) {
            fireAtOnce(stored, map, output, workspace);
            return;
        }
        int[] differing = workspace.differing(Workspace.GROUP * neurons);
        for (int first = 0; first < positions; first += Workspace.GROUP) {
            int count = Math.min(Workspace.GROUP, positions - first);
            for (int i = 0; i < count; i++) {
                unrolling.patch(map, 0, first + i, block[i]);
                if (ternary) {
                    TernaryPlanes.twiceInPlace(block[i], geometry.fanIn());
                }
            }
            Kernels.ACTIVE.differences(stored.words(), stored.wordsPerRow(), neurons, block, count, differing, workspace.kernelBuffer);
            for (int i = 0; i < count; i++) {
                if (workspace.reads != null) {
                    stored.addFlipDifferences(workspace.reads.positions(index, first + i), block[i], 0, differing, i * neurons);
                }
                fireAll(differing, i * neurons, neurons, (first + i) * neurons, output);
            }
        }
    }

    /**
     * A one-plane conv layer on a kernel that thresholds reads itself ({@link BinaryKernel#fires}): the
     * patches of all positions side by side, then one kernel call for the whole layer, so that the
     * kernel's per-call set-up (e.g. a word-major copy of the rows) is paid once per layer. Reads with
     * flips of their own take {@link #fireBlocks}'s path, which corrects each read's counts.
     */
    private void fireAtOnce(WeightMatrix stored, long[] map, long[] output, Workspace workspace) {
        int positions = (int) geometry.positions();
        int words = stored.wordsPerRow();
        long[] patches = workspace.layerPatches(positions * words);
        Arrays.fill(patches, 0, positions * words, 0L);
        for (int p = 0; p < positions; p++) {
            unrolling.orPatch(map, 0, p, patches, p * words);
            if (ternary) {
                TernaryPlanes.twiceInPlace(patches, p * words, geometry.fanIn());
            }
        }
        Kernels.ACTIVE.fire(stored.words(), words, stored.rows(), patches, positions, limit, sign, output, 0, workspace.kernelBuffer);
    }

    /**
     * A bit-serial conv from its input levels ({@link BitSerialConv}): every neuron's count V at each
     * position, corrected by the flips of each of its plane reads, against the thresholds (or kept
     * for the average pool).
     */
    private void serialForward(WeightMatrix stored, long[] input, long[] output, Workspace workspace) {
        Arrays.fill(output, 0, PackedBits.words(outputBits()), 0L);
        serial.forward(stored, input, planeWords, index, workspace, output, averagePool != null ? workspace.counts : null);
        if (averagePool != null) {
            poolAndThreshold(workspace.counts, workspace.sums, stored.rows(), output);
        }
    }

    /** 1 if neuron k fires for count V (any count scale), else 0; without a branch (thresholds' fast form). */
    private int firesAtLeast(int k, long count) {
        return (int) ((lowest[k] - 1 - count) >>> 63) ^ below[k];
    }

    /**
     * A dense one-plane hidden layer for several inputs at once, the weights loaded once for a block of
     * inputs (the other kinds of layer go input by input).
     */
    @Override
    void forward(long[][] inputs, long[][] outputs, int count, Workspace workspace) {
        if (unrolling != null || affine != null || averagePool != null || geometry.planes() != 1 || workspace.reads != null || ternary) {
            super.forward(inputs, outputs, count, workspace);
            return;
        }
        WeightMatrix stored = workspace.stored[index];
        int neurons = stored.rows();
        int[] differing = workspace.differing(count * neurons);
        Kernels.ACTIVE.differences(stored.words(), stored.wordsPerRow(), neurons, inputs, count, differing, workspace.kernelBuffer);
        int words = PackedBits.words(outputBits());
        for (int j = 0; j < count; j++) {
            Arrays.fill(outputs[j], 0, words, 0L);
            fireAll(differing, j * neurons, neurons, 0, outputs[j]);
        }
    }

    /**
     * Output bit (base + k) for every neuron k whose match count fanIn − differing[from + k] passes its
     * threshold, into an output whose bits from base on are 0. Branch-free; the bits of each output
     * word gathered first and written once (conv positions start anywhere in a word).
     */
    private void fireAll(int[] differing, int from, int neurons, int base, long[] output) {
        for (int first = 0; first < neurons;) {
            int bit = base + first;
            int end = Math.min(neurons, first + Long.SIZE - (bit & 63));
            long word = 0;
            for (int k = first; k < end; k++) {
                word |= (long) firesBit(k, differing[from + k]) << (k - first);
            }
            output[bit >>> 6] |= word << bit;
            first = end;
        }
    }

    /** 1 if neuron k fires with this many differing weights (one plane, plain threshold), else 0; without a branch. */
    private int firesBit(int k, int differing) {
        return (limit[k] - differing) >>> 31 ^ sign[k];
    }

    /** counts[base + k] = V_k = Σ_b 2^b·P_b of every neuron at one position. */
    private void accumulate(WeightMatrix stored, long[] input, int position, long[] counts, int base, Workspace workspace) {
        int neurons = stored.rows();
        int fanIn = stored.fanIn();
        int[] differing = workspace.differing;
        Arrays.fill(counts, base, base + neurons, 0L);
        for (int b = 0; b < geometry.planes(); b++) {
            long[] vector = vector(input, b, position, workspace);
            int offset = workspace.offset;
            Kernels.ACTIVE.differences(stored.words(), stored.wordsPerRow(), neurons, vector, offset, differing);
            addReadFlips(stored, position * geometry.planes() + b, vector, offset, differing, workspace);
            addCountErrors(differing, neurons, workspace);
            for (int k = 0; k < neurons; k++) {
                counts[base + k] += (long) (fanIn - differing[k]) << b;
            }
        }
    }

    private void threshold(long[] counts, int neurons, int outputBase, long[] output) {
        for (int k = 0; k < neurons; k++) {
            int bit = outputBase + k;
            output[bit >>> 6] |= (long) firesAtLeast(k, counts[k]) << bit;
        }
    }

    /** Average pool: each window's sum of counts against the thresholds (which fold the window size). */
    private void poolAndThreshold(long[] counts, long[] sums, int neurons, long[] output) {
        for (int q = 0; q < averagePool.positions(); q++) {
            Arrays.fill(sums, 0L);
            for (int i = 0; i < averagePool.window(); i++) {
                int from = averagePool.inputPosition(q, i) * neurons;
                for (int k = 0; k < neurons; k++) {
                    sums[k] += counts[from + k];
                }
            }
            threshold(sums, neurons, q * neurons, output);
        }
    }

    /**
     * The fan-in vector of one plane at one position (twice over, x‖x, for ternary weights); its word
     * offset is left in the workspace.
     */
    private long[] vector(long[] input, int plane, int position, Workspace workspace) {
        if (unrolling == null) {
            if (ternary) {
                TernaryPlanes.twice(input, plane * planeWords, geometry.fanIn(), workspace.patch);
                workspace.offset = 0;
                return workspace.patch;
            }
            workspace.offset = plane * planeWords;
            return input;
        }
        if (unrolling.padded()) {
            unrolling.patch(workspace.padded, plane * unrolling.paddedWords(), position, workspace.patch);
        } else {
            unrolling.patch(input, plane * planeWords, position, workspace.patch);
        }
        if (ternary) {
            TernaryPlanes.twiceInPlace(workspace.patch, geometry.fanIn());
        }
        workspace.offset = 0;
        return workspace.patch;
    }

    /** The count errors of this inference (from the {@link Workspace}), for a layer read once. */
    private void addCountErrors(int[] differing, int neurons, Workspace workspace) {
        if (workspace.countErrors != null && reads() == 1) {
            workspace.countErrors.addTo(index, differing, neurons);
        }
    }

    /** The weights read inverted during this read (from the {@link Workspace}), in the read's differing counts. */
    private void addReadFlips(WeightMatrix stored, int read, long[] vector, int offset, int[] differing, Workspace workspace) {
        if (workspace.reads != null) {
            stored.addFlipDifferences(workspace.reads.positions(index, read), vector, offset, differing);
        }
    }
}
