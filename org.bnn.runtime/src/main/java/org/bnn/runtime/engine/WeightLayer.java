package org.bnn.runtime.engine;

import java.util.Arrays;
import java.util.Optional;

import org.bnn.runtime.spec.LayerGeometry;

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
 * The common case, one plane and a plain threshold, runs as one fused loop over neurons.
 * Per-read flips (from the {@link Workspace}) are applied to the weights around every read.
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

    public WeightMatrix weights() {
        return weights;
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
        if (unrolling != null && unrolling.padded()) {
            for (int b = 0; b < geometry.planes(); b++) {
                unrolling.pad(input, b * planeWords, workspace.padded, b * unrolling.paddedWords());
            }
        }
        if (affine != null) {
            long[] a = workspace.preActivations;
            accumulate(stored, input, 0, a, 0, workspace);
            long range = inputScale * stored.fanIn();
            for (int k = 0; k < neurons; k++) {
                a[k] = 2 * a[k] - range;
            }
            return;
        }
        Arrays.fill(output, 0, PackedBits.words(outputBits()), 0L);
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

    /** The fused hot loop: match count and threshold of every neuron at one position, one plane. */
    private void fire(WeightMatrix stored, long[] input, int position, long[] output, Workspace workspace) {
        long[] vector = vector(input, 0, position, workspace);
        int offset = workspace.offset;
        long[] flips = flip(stored, position, workspace);
        int neurons = stored.rows();
        int base = position * neurons;
        for (int k = 0; k < neurons; k++) {
            if (thresholds.fires(k, stored.matches(k, vector, offset))) {
                int bit = base + k;
                output[bit >>> 6] |= 1L << bit;
            }
        }
        unflip(stored, flips);
    }

    /** counts[base + k] = V_k = Σ_b 2^b·P_b of every neuron at one position. */
    private void accumulate(WeightMatrix stored, long[] input, int position, long[] counts, int base, Workspace workspace) {
        int neurons = stored.rows();
        Arrays.fill(counts, base, base + neurons, 0L);
        for (int b = 0; b < geometry.planes(); b++) {
            long[] vector = vector(input, b, position, workspace);
            int offset = workspace.offset;
            long[] flips = flip(stored, position * geometry.planes() + b, workspace);
            for (int k = 0; k < neurons; k++) {
                counts[base + k] += (long) stored.matches(k, vector, offset) << b;
            }
            unflip(stored, flips);
        }
    }

    private void threshold(long[] counts, int neurons, int outputBase, long[] output) {
        for (int k = 0; k < neurons; k++) {
            if (thresholds.fires(k, counts[k])) {
                int bit = outputBase + k;
                output[bit >>> 6] |= 1L << bit;
            }
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

    /** The fan-in vector of one plane at one position; its word offset is left in the workspace. */
    private long[] vector(long[] input, int plane, int position, Workspace workspace) {
        if (unrolling == null) {
            workspace.offset = plane * planeWords;
            return input;
        }
        if (unrolling.padded()) {
            unrolling.patch(workspace.padded, plane * unrolling.paddedWords(), position, workspace.patch);
        } else {
            unrolling.patch(input, plane * planeWords, position, workspace.patch);
        }
        workspace.offset = 0;
        return workspace.patch;
    }

    private long[] flip(WeightMatrix stored, int read, Workspace workspace) {
        if (workspace.reads == null) {
            return null;
        }
        long[] flips = workspace.reads.positions(index, read);
        stored.flipInPlace(flips);
        return flips;
    }

    private static void unflip(WeightMatrix stored, long[] flips) {
        if (flips != null) {
            stored.flipInPlace(flips);
        }
    }
}
