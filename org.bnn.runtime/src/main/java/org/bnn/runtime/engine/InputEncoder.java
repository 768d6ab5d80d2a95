package org.bnn.runtime.engine;

import org.bnn.runtime.spec.InputEncoding;

/**
 * Turns real inputs in [0, 1] (HWC order, value (y, x, c) at (y·W + x)·C + c) into the binary
 * planes the first layer reads, packed one plane after the other: plane b occupies words
 * b·ceil(n/64) .. (b+1)·ceil(n/64) − 1 (docs/architecture.md, "The binary neuron").
 * <ul>
 * <li>{@link InputEncoding.Binarize Binarize(t)}: one plane, +1 iff x ≥ t.</li>
 * <li>{@link InputEncoding.BitSerial BitSerial(B)}: x is quantised to q = floor(x·(2^B − 1) + ½)
 * in [0, 2^B − 1] (round to nearest, halves up) and plane b holds bit b of q (bit 1 ↔ +1). The
 * first layer then sees the centred input 2q − (2^B − 1), i.e. x̃ = (2q − (2^B − 1))/(2^B − 1) in
 * the [−1, 1] scale; B = 1 gives the same plane as Binarize(0.5).</li>
 * </ul>
 */
public final class InputEncoder {
    private final InputEncoding encoding;
    private final int size;
    private final int planes;
    private final int levels;

    public InputEncoder(InputEncoding encoding, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + size);
        }
        this.encoding = encoding;
        this.size = size;
        this.planes = encoding.planes();
        this.levels = encoding instanceof InputEncoding.BitSerial ? (1 << planes) - 1 : 1;
    }

    public int size() {
        return size;
    }

    public int planes() {
        return planes;
    }

    /** Words of one encoded input: planes × ceil(size/64). */
    public int words() {
        return planes * PackedBits.words(size);
    }

    /** S = 2^B − 1 for bit-serial input, 1 for a binarized one: the centred input's largest magnitude. */
    public long scale() {
        return levels;
    }

    /** The integer q in [0, S] that input value x is encoded as (0 or 1 when binarized). */
    public int level(double x) {
        if (!(x >= 0.0 && x <= 1.0)) {
            throw new IllegalArgumentException("input values must be in [0, 1], got " + x);
        }
        if (encoding instanceof InputEncoding.Binarize binarize) {
            return x >= binarize.threshold() ? 1 : 0;
        }
        return (int) Math.floor(x * levels + 0.5);
    }

    /** The packed planes of one input. */
    public long[] encode(double[] input) {
        checkLength(input.length);
        long[] planesOut = new long[words()];
        int wordsPerPlane = PackedBits.words(size);
        for (int i = 0; i < size; i++) {
            int q = levelAt(input[i], i);
            for (int b = 0; b < planes; b++) {
                if ((q >>> b & 1) != 0) {
                    planesOut[b * wordsPerPlane + (i >>> 6)] |= 1L << i;
                }
            }
        }
        return planesOut;
    }

    /** The packed planes of one input given in single precision (widened exactly to double). */
    public long[] encode(float[] input) {
        checkLength(input.length);
        double[] wide = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            wide[i] = input[i];
        }
        return encode(wide);
    }

    private int levelAt(double x, int i) {
        if (!(x >= 0.0 && x <= 1.0)) {
            throw new IllegalArgumentException("input[" + i + "] must be in [0, 1], got " + x);
        }
        return level(x);
    }

    private void checkLength(int length) {
        if (length != size) {
            throw new IllegalArgumentException("an input has " + size + " values, got " + length);
        }
    }
}
