package org.bnn.runtime.engine;

/**
 * Bit packing of binary vectors: value +1 is bit 1, value −1 is bit 0, 64 values per {@code long},
 * value i in bit (i mod 64) of word (i / 64). Bits past the vector's length are always 0, so an
 * XOR of two packed vectors counts no padding.
 */
public final class PackedBits {
    private PackedBits() {
    }

    /** Words needed for {@code bits} values. */
    public static int words(int bits) {
        return (bits + Long.SIZE - 1) >>> 6;
    }

    /** Value i as a bit. */
    public static boolean get(long[] packed, int i) {
        return (packed[i >>> 6] >>> i & 1L) != 0;
    }

    /** Sets value i to +1 ({@code true}) or −1 ({@code false}). */
    public static void set(long[] packed, int i, boolean plusOne) {
        long mask = 1L << i;
        if (plusOne) {
            packed[i >>> 6] |= mask;
        } else {
            packed[i >>> 6] &= ~mask;
        }
    }

    /** Packs a vector of ±1 values; any non-negative value counts as +1. */
    public static long[] fromSigns(int[] signs) {
        long[] packed = new long[words(signs.length)];
        for (int i = 0; i < signs.length; i++) {
            if (signs[i] >= 0) {
                packed[i >>> 6] |= 1L << i;
            }
        }
        return packed;
    }

    /** Unpacks {@code bits} values into ±1. */
    public static int[] toSigns(long[] packed, int bits) {
        int[] signs = new int[bits];
        for (int i = 0; i < bits; i++) {
            signs[i] = get(packed, i) ? 1 : -1;
        }
        return signs;
    }
}
