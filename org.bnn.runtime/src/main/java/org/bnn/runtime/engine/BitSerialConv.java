package org.bnn.runtime.engine;

import java.util.Arrays;

import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.Shape;

/**
 * A conv layer reading B bit-serial input planes, computed from the input's integer levels instead of
 * plane by plane. Its count is V_k = Σ_b 2^b·P_b, P_b the matches of row k with the patch of plane b.
 * Summed over the planes first, a stored bit w and the input level q = Σ_b 2^b·x_b at the same fan-in
 * index contribute Σ_b 2^b·[w = x_b] = q if w = 1 and S − q if w = 0 (S = 2^B − 1), so
 * <pre>
 *   V_k = S·zeros_k + Σ_j a_kj·q_j,   a_kj = Σ over the row's bits at index j of (+1 if set, −1 if not)
 * </pre>
 * with zeros_k the 0 bits of stored row k (a ternary row's two planes both read index j: a_kj ∈ {−2, 0, 2}).
 * The same integers as B popcounts per patch, with one multiply-add per weight instead of B XOR-popcounts
 * of a mostly empty word: the patch of a 1-channel 3×3 first layer is 9 bits of 64.
 * <p>
 * Levels are kept in padded maps of ints, one per input channel (the padding value −1 is level 0 in
 * every plane, +1 level S); each weight's tap is a fixed offset from a window's corner, fan-in index
 * j = (dy·k + dx)·C + c as in {@link Unrolling}. Four positions are computed at once in the four
 * 16-bit fields of a {@code long} (SWAR): the packed map holds at index i the levels at i, i + s,
 * i + 2s, i + 3s (s the stride), so one multiply-add of a packed level with a coefficient adds one
 * weight's term to four positions. Fields may go negative on the way, but integer addition of packed
 * values is exact modulo 2^64, and every final count lies in [0, S·N'] ⊂ [0, 2^16) ({@link #fits}),
 * so each field ends holding its count. Counts are made for a block of output rows at a time, neuron by
 * neuron and tap by tap; with stride 1 the positions are taken on the padded grid (rows W + 2·pad
 * wide, the extra columns computed and ignored), so a block is one run of consecutive packed levels.
 * Coefficients come from the rows read at each inference (a chip's, or a private copy carrying
 * per-inference flips). Flips of a single read (position, plane) move P_b of their row by ±1, so V by ±2^b.
 */
final class BitSerialConv {
    /** Positions per block of output rows, about: a block's counts (neurons × this / 4 longs) stay in the cache. */
    private static final int BLOCK_POSITIONS = 256;
    private static final int LANES = 4;
    private static final int LANE_BITS = 16;
    private static final long LANE_MASK = 0xFFFF;
    /** 1 in every field. */
    private static final long ONES = 0x0001_0001_0001_0001L;

    private final int planes;
    private final int scale;
    private final int channels;
    private final int height;
    private final int width;
    private final int pad;
    private final int padLevel;
    private final int paddedWidth;
    private final int mapSize;
    /** Ints of the level maps with the slack the last group of a block reads past the last map. */
    private final int levelsSize;
    private final int outputHeight;
    private final int outputWidth;
    private final int stride;
    private final int fanIn;
    private final int[] taps;
    /** Groups of four positions per output row for a stride above 1 (its rows are grouped separately). */
    private final int rowGroups;
    private final int blockRows;
    /** Groups of a block: per neuron, the longs of counts. */
    private final int blockGroups;
    /** Per neuron: fires iff V ≥ least[k] + 1, XOR-ed with below[k] (1 for V ≤ t); null if the layer is average pooled. */
    private final int[] least;
    private final int[] below;

    /** @param thresholds the layer's, on V; null if an average pool follows (the counts are then kept). */
    BitSerialConv(LayerSpec.Conv conv, Shape input, Shape output, int planes, Thresholds thresholds) {
        this.planes = planes;
        this.scale = (1 << planes) - 1;
        this.channels = input.channels();
        this.height = input.height();
        this.width = input.width();
        this.pad = conv.padding().amount();
        this.padLevel = conv.padding().value() > 0 ? scale : 0;
        this.paddedWidth = width + 2 * pad;
        this.mapSize = Math.multiplyExact(height + 2 * pad, paddedWidth);
        this.outputHeight = output.height();
        this.outputWidth = output.width();
        this.stride = conv.stride();
        this.levelsSize = Math.addExact(Math.multiplyExact(channels, mapSize), paddedWidth + 2 * LANES * stride);
        int kernel = conv.kernel();
        this.fanIn = kernel * kernel * channels;
        this.taps = new int[fanIn];
        for (int j = 0; j < fanIn; j++) {
            int c = j % channels;
            int dx = j / channels % kernel;
            int dy = j / channels / kernel;
            taps[j] = c * mapSize + dy * paddedWidth + dx;
        }
        this.rowGroups = (outputWidth + LANES - 1) / LANES;
        int gridWidth = stride == 1 ? paddedWidth : LANES * rowGroups;
        this.blockRows = Math.max(1, Math.min(outputHeight, BLOCK_POSITIONS / gridWidth));
        this.blockGroups = stride == 1 ? (blockRows * paddedWidth + LANES - 1) / LANES : blockRows * rowGroups;
        if (thresholds != null) {
            int neurons = thresholds.neurons();
            this.least = new int[neurons];
            this.below = new int[neurons];
            for (int k = 0; k < neurons; k++) {
                // V ≥ t, or V ≤ t ⇔ not V ≥ t + 1; thresholds lie in [−1, range + 1], so least is an int.
                below[k] = thresholds.atLeast(k) ? 0 : 1;
                least[k] = Math.toIntExact(thresholds.threshold(k) + below[k] - 1);
            }
        } else {
            this.least = null;
            this.below = null;
        }
    }

    /**
     * True if a layer of {@code storedFanIn} bits per row reading this many planes can be computed
     * this way: every count V ≤ S·storedFanIn fits a 16-bit field.
     */
    static boolean fits(int planes, int storedFanIn) {
        return planes > 1 && planes < LANE_BITS && ((1L << planes) - 1) * storedFanIn <= LANE_MASK;
    }

    /**
     * The layer's counts V at every position and neuron: into {@code output} as bits (position·M + k)
     * against the thresholds, or, average pooled, into kept[position·M + k].
     */
    void forward(WeightMatrix stored, long[] input, int planeWords, int layer, Workspace workspace, long[] output, long[] kept) {
        int neurons = stored.rows();
        int[] map = workspace.levels(levelsSize);
        long[] packed = workspace.packedLevels(levelsSize);
        levels(input, planeWords, map, packed);
        int[] a = workspace.coefficients(fanIn * neurons);
        int[] constants = workspace.constants(neurons);
        coefficients(stored, a, constants);
        long[] counts = workspace.serialCounts(neurons * blockGroups);
        for (int oy = 0; oy < outputHeight; oy += blockRows) {
            int rows = Math.min(blockRows, outputHeight - oy);
            blockCounts(packed, oy, rows, a, constants, neurons, counts);
            for (int r = 0; r < rows; r++) {
                for (int ox = 0; ox < outputWidth; ox++) {
                    int position = (oy + r) * outputWidth + ox;
                    int group = stride == 1 ? (r * paddedWidth + ox) / LANES : r * rowGroups + ox / LANES;
                    int shift = LANE_BITS * (stride == 1 ? (r * paddedWidth + ox) % LANES : ox % LANES);
                    if (workspace.reads != null) {
                        addReadFlips(stored, workspace.reads, layer, position, map, oy + r, ox, counts, group * neurons, shift);
                    }
                    if (kept != null) {
                        for (int k = 0; k < neurons; k++) {
                            kept[position * neurons + k] = counts[group * neurons + k] >>> shift & LANE_MASK;
                        }
                    } else {
                        fire(counts, group * neurons, shift, neurons, position * neurons, output);
                    }
                }
            }
        }
    }

    /**
     * The padded maps of input levels q = Σ_b 2^b·x_b from the packed HWC planes ({@code planeWords}
     * words each), and packed[i] = the levels at i, i + s, i + 2s, i + 3s in fields 0..3.
     */
    private void levels(long[] input, int planeWords, int[] map, long[] packed) {
        Arrays.fill(map, 0, levelsSize, padLevel);
        int planeBits = planeWords * Long.SIZE;
        int bit = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int to = (y + pad) * paddedWidth + pad + x;
                for (int c = 0; c < channels; c++, bit++) {
                    int q = 0;
                    for (int b = 0, at = bit; b < planes; b++, at += planeBits) {
                        q |= (int) (input[at >>> 6] >>> at & 1L) << b;
                    }
                    map[c * mapSize + to] = q;
                }
            }
        }
        for (int i = levelsSize - 1; i >= 0; i--) {
            packed[i] = map[i] | (i + stride < levelsSize ? packed[i + stride] << LANE_BITS : 0L);
        }
    }

    /**
     * Tap-major coefficients a[j·neurons + k] and the constants S·zeros_k of the stored rows
     * (fan-in F for binary rows, 2F for ternary ones: index j' reads input index j' mod F).
     */
    private void coefficients(WeightMatrix stored, int[] a, int[] constants) {
        int neurons = stored.rows();
        int storedFanIn = stored.fanIn();
        Arrays.fill(a, 0, fanIn * neurons, 0);
        for (int k = 0; k < neurons; k++) {
            int zeros = 0;
            for (int j = 0; j < storedFanIn; j++) {
                boolean set = stored.bit(k, j);
                zeros += set ? 0 : 1;
                a[(j % fanIn) * neurons + k] += set ? 1 : -1;
            }
            constants[k] = scale * zeros;
        }
    }

    /**
     * counts[g·neurons + k] = V_k of the four positions of group g of the block from output row {@code oy}
     * (group-major, so that a position's neurons are read together when firing).
     */
    private void blockCounts(long[] packed, int oy, int rows, int[] a, int[] constants, int neurons, long[] counts) {
        for (int g = 0; g < blockGroups; g++) {
            for (int k = 0; k < neurons; k++) {
                counts[g * neurons + k] = constants[k] * ONES;
            }
        }
        int corner = oy * stride * paddedWidth;
        int groups = (rows * paddedWidth + LANES - 1) / LANES; // stride 1: the block's rows, a partial last block included
        for (int j = 0; j < fanIn; j++) {
            int from = corner + taps[j];
            for (int k = 0; k < neurons; k++) {
                long c = a[j * neurons + k];
                if (c == 0) {
                    continue;
                }
                if (stride == 1) {
                    add(counts, k, neurons, c, packed, from, LANES, groups);
                } else {
                    for (int r = 0; r < rows; r++) {
                        add(counts, r * rowGroups * neurons + k, neurons, c, packed, from + r * stride * paddedWidth, LANES * stride,
                                rowGroups);
                    }
                }
            }
        }
    }

    /** counts[at + g·spacing] += c·packed[from + g·step] for g &lt; groups: one weight's term at four positions per group. */
    private static void add(long[] counts, int at, int spacing, long c, long[] packed, int from, int step, int groups) {
        for (int g = 0; g < groups; g++) {
            counts[at + g * spacing] += c * packed[from + g * step];
        }
    }

    /** The flips of each plane read at output position (oy, ox), in its field of the counts. */
    private void addReadFlips(WeightMatrix stored, ReadFlips reads, int layer, int position, int[] map, int oy, int ox, long[] counts,
            int at, int shift) {
        int storedFanIn = stored.fanIn();
        int corner = oy * stride * paddedWidth + ox * stride;
        for (int b = 0; b < planes; b++) {
            for (long flipped : reads.positions(layer, position * planes + b)) {
                int k = (int) (flipped / storedFanIn);
                int j = (int) (flipped - (long) k * storedFanIn);
                int x = map[corner + taps[j % fanIn]] >>> b & 1;
                int mismatch = (stored.bit(k, j) ? 1 : 0) ^ x;
                // The read's differing count moves by 1 − 2·mismatch, its match count P_b the other way.
                counts[at + k] -= (long) ((1 - 2 * mismatch) << b) << shift;
            }
        }
    }

    /**
     * Output bits base + k of every neuron k that fires with its count in the given field of counts[at + k], without a
     * branch, each output word written once.
     */
    private void fire(long[] counts, int at, int shift, int neurons, int base, long[] output) {
        for (int first = 0; first < neurons;) {
            int bit = base + first;
            int end = Math.min(neurons, first + Long.SIZE - (bit & 63));
            long word = 0;
            for (int k = first; k < end; k++) {
                int v = (int) (counts[at + k] >>> shift & LANE_MASK);
                word |= (long) ((least[k] - v) >>> 31 ^ below[k]) << (k - first);
            }
            output[bit >>> 6] |= word << bit;
            first = end;
        }
    }
}
