package org.bnn.runtime.engine;

/**
 * The kernel of every binary layer: the number of positions where a stored weight row and an
 * input vector agree, i.e. the popcount of their XNOR. This is what a row read through the
 * precharge sense amplifiers followed by a popcount computes in hardware.
 */
public final class XnorPopcount {
    private XnorPopcount() {
    }

    /**
     * Matches P between {@code bits} values of {@code weights} starting at word {@code offset}
     * and {@code input}. Padding bits are 0 in both, so they never differ and
     * P = bits − popcount(w XOR x) needs no masking of the last word.
     */
    public static int matches(long[] weights, int offset, long[] input, int bits) {
        return matches(weights, offset, input, 0, bits);
    }

    /** As {@link #matches(long[], int, long[], int)}, with the input starting at word {@code inputOffset}. */
    public static int matches(long[] weights, int offset, long[] input, int inputOffset, int bits) {
        int differing = 0;
        int words = PackedBits.words(bits);
        for (int i = 0; i < words; i++) {
            differing += Long.bitCount(weights[offset + i] ^ input[inputOffset + i]);
        }
        return bits - differing;
    }
}
