package org.bnn.runtime.engine;

import java.util.Arrays;

import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.Shape;

/**
 * How a convolution is unrolled (im2col) onto the XNOR-popcount kernel: the input map, HWC
 * packed, is first copied into a map with a border of {@code padding.amount()} positions holding
 * the padding value (bit 1 ↔ +1); the fan-in vector of output position (oy, ox) is then k
 * contiguous runs of k·C_in bits, one per kernel row, so that fan-in index j = (dy·k + dx)·C_in + c.
 */
final class Unrolling {
    private final int kernel;
    private final int stride;
    private final int pad;
    private final boolean padPlusOne;
    private final int height;
    private final int channels;
    private final int rowBits;
    private final int paddedRowBits;
    private final int paddedBits;
    private final int outputWidth;
    private final int runBits;
    private final int patchWords;

    Unrolling(LayerSpec.Conv conv, Shape input, Shape output) {
        this.kernel = conv.kernel();
        this.stride = conv.stride();
        this.pad = conv.padding().amount();
        this.padPlusOne = conv.padding().value() > 0;
        this.height = input.height();
        this.channels = input.channels();
        this.rowBits = input.width() * channels;
        this.paddedRowBits = (input.width() + 2 * pad) * channels;
        this.paddedBits = Math.multiplyExact(height + 2 * pad, paddedRowBits);
        this.outputWidth = output.width();
        this.runBits = kernel * channels;
        this.patchWords = PackedBits.words(kernel * runBits);
    }

    /** True if the input must be copied into a padded map first. */
    boolean padded() {
        return pad > 0;
    }

    /** Words of one padded map. */
    int paddedWords() {
        return PackedBits.words(paddedBits);
    }

    /** Copies the map at word {@code from} of {@code source} into a padded map at word {@code to} of {@code target}. */
    void pad(long[] source, int from, long[] target, int to) {
        int targetBit = to * Long.SIZE;
        PackedBits.fill(target, targetBit, paddedBits, padPlusOne);
        for (int y = 0; y < height; y++) {
            PackedBits.copy(source, from * Long.SIZE + y * rowBits, target, targetBit + (y + pad) * paddedRowBits + pad * channels,
                    rowBits);
        }
    }

    /**
     * Writes the fan-in vector of output position {@code position} from the (padded) map at word
     * {@code map}. The patch buffer is shared by layers of different fan-in, so its words are
     * cleared first (the kernel relies on the bits past the fan-in being 0), then the runs ORed in.
     */
    void patch(long[] maps, int map, int position, long[] patch) {
        Arrays.fill(patch, 0, patchWords, 0L);
        orPatch(maps, map, position, patch, 0);
    }

    /** ORs the fan-in vector of output position {@code position} into {@code target} from word {@code at} (0 there before). */
    void orPatch(long[] maps, int map, int position, long[] target, int at) {
        int oy = position / outputWidth;
        int ox = position - oy * outputWidth;
        int corner = map * Long.SIZE + oy * stride * paddedRowBits + ox * stride * channels;
        for (int dy = 0; dy < kernel; dy++) {
            PackedBits.or(maps, corner + dy * paddedRowBits, target, at * Long.SIZE + dy * runBits, runBits);
        }
    }
}
