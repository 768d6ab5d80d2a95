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
 * Levels are kept in a padded map of ints (the padding value −1 is level 0 in every plane, +1 level S),
 * and each weight's tap is a fixed offset from the window's corner, fan-in index j = (dy·k + dx)·C + c as
 * in {@link Unrolling}. Coefficients come from the rows read at each inference (a chip's, or a private
 * copy carrying per-inference flips), arranged tap-major so that the inner loop runs over the neurons.
 * Flips of a single read (position, plane) move P_b of their row by ±1, so V by ±2^b.
 */
final class BitSerialConv {
    private final int planes;
    private final int scale;
    private final int channels;
    private final int height;
    private final int width;
    private final int pad;
    private final int padLevel;
    private final int paddedRow;
    private final int paddedSize;
    private final int outputWidth;
    private final int stride;
    private final int fanIn;
    private final int[] taps;

    BitSerialConv(LayerSpec.Conv conv, Shape input, Shape output, int planes) {
        this.planes = planes;
        this.scale = (1 << planes) - 1;
        this.channels = input.channels();
        this.height = input.height();
        this.width = input.width();
        this.pad = conv.padding().amount();
        this.padLevel = conv.padding().value() > 0 ? scale : 0;
        this.paddedRow = (width + 2 * pad) * channels;
        this.paddedSize = Math.multiplyExact(height + 2 * pad, paddedRow);
        this.outputWidth = output.width();
        this.stride = conv.stride();
        int kernel = conv.kernel();
        this.fanIn = kernel * kernel * channels;
        this.taps = new int[fanIn];
        for (int j = 0; j < fanIn; j++) {
            int c = j % channels;
            int dx = j / channels % kernel;
            int dy = j / channels / kernel;
            taps[j] = dy * paddedRow + dx * channels + c;
        }
    }

    /**
     * True if a layer of {@code storedFanIn} bits per row reading this many planes can be computed
     * this way: every |V| and partial sum within an int (S·storedFanIn &lt; 2^31), B &lt; 31.
     */
    static boolean fits(int planes, int storedFanIn) {
        return planes > 1 && planes < 31 && ((1L << planes) - 1) * storedFanIn < Integer.MAX_VALUE;
    }

    /** Ints of the padded level map. */
    int levelsSize() {
        return paddedSize;
    }

    /** The padded map of input levels q = Σ_b 2^b·x_b from the packed planes ({@code planeWords} words each). */
    void levels(long[] input, int planeWords, int[] map) {
        Arrays.fill(map, 0, paddedSize, padLevel);
        int rowValues = width * channels;
        for (int y = 0; y < height; y++) {
            int to = (y + pad) * paddedRow + pad * channels;
            Arrays.fill(map, to, to + rowValues, 0);
            for (int b = 0; b < planes; b++) {
                int from = b * planeWords * Long.SIZE + y * rowValues;
                for (int i = 0; i < rowValues; i++) {
                    int bit = from + i;
                    map[to + i] |= (int) (input[bit >>> 6] >>> bit & 1L) << b;
                }
            }
        }
    }

    /**
     * Tap-major coefficients a[j·neurons + k] and the constants S·zeros_k of the stored rows
     * (fan-in F for binary rows, 2F for ternary ones: index j' reads input index j' mod F).
     */
    void coefficients(WeightMatrix stored, int[] a, int[] constants) {
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

    /** The window corner of output position {@code position} in the padded map. */
    int corner(int position) {
        int oy = position / outputWidth;
        int ox = position - oy * outputWidth;
        return oy * stride * paddedRow + ox * stride * channels;
    }

    /** counts[k] = V_k of every neuron at the window from {@code corner}. */
    void counts(int[] map, int corner, int[] a, int[] constants, int neurons, int[] counts) {
        System.arraycopy(constants, 0, counts, 0, neurons);
        for (int j = 0; j < fanIn; j++) {
            int q = map[corner + taps[j]];
            int row = j * neurons;
            for (int k = 0; k < neurons; k++) {
                counts[k] += a[row + k] * q;
            }
        }
    }

    /**
     * The counts of the window from {@code corner} with the stored weights at {@code positions}
     * (logical, k·storedFanIn + j) inverted during the read of plane {@code plane} only.
     */
    void addReadFlips(WeightMatrix stored, long[] positions, int[] map, int corner, int plane, int[] counts) {
        int storedFanIn = stored.fanIn();
        for (long position : positions) {
            int k = (int) (position / storedFanIn);
            int j = (int) (position - (long) k * storedFanIn);
            int x = map[corner + taps[j % fanIn]] >>> plane & 1;
            int mismatch = (stored.bit(k, j) ? 1 : 0) ^ x;
            // The read's differing count moves by 1 − 2·mismatch, its match count P_b the other way.
            counts[k] -= (1 - 2 * mismatch) << plane;
        }
    }

    /** Input planes B. */
    int planes() {
        return planes;
    }
}
