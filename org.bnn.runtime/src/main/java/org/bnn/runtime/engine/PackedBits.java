package org.bnn.runtime.engine;

/**
 * Bit packing of binary vectors: value +1 is bit 1, value −1 is bit 0, 64 values per {@code long},
 * value i in bit (i mod 64) of word (i / 64). Bits past the vector's length are always 0, so an
 * XOR of two packed vectors counts no padding. The range operations move runs of bits at any bit
 * offset word by word; they are how convolution patches and pooling windows are gathered.
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

    /** The {@code count} (1..64) bits starting at bit {@code from}, right-aligned, higher bits 0. */
    public static long read(long[] packed, int from, int count) {
        int word = from >>> 6;
        int shift = from & 63;
        long bits = packed[word] >>> shift;
        if (shift + count > Long.SIZE) {
            bits |= packed[word + 1] << (Long.SIZE - shift);
        }
        return count == Long.SIZE ? bits : bits & ((1L << count) - 1);
    }

    /** Overwrites bits [to, to + length) of {@code target} with bits [from, from + length) of {@code source}. */
    public static void copy(long[] source, int from, long[] target, int to, int length) {
        int in = from;
        int out = to;
        int remaining = length;
        while (remaining > 0) {
            int shift = out & 63;
            int count = Math.min(remaining, Long.SIZE - shift);
            long mask = (count == Long.SIZE ? -1L : (1L << count) - 1) << shift;
            int word = out >>> 6;
            target[word] = target[word] & ~mask | read(source, in, count) << shift;
            in += count;
            out += count;
            remaining -= count;
        }
    }

    /**
     * ORs bits [from, from + length) of {@code source} into bits [to, to + length) of {@code target},
     * 64 source bits at a time (one or two target words each).
     */
    public static void or(long[] source, int from, long[] target, int to, int length) {
        int in = from;
        int out = to;
        int remaining = length;
        while (remaining > 0) {
            int count = Math.min(remaining, Long.SIZE);
            long bits = read(source, in, count);
            int word = out >>> 6;
            int shift = out & 63;
            target[word] |= bits << shift;
            if (shift + count > Long.SIZE) {
                target[word + 1] |= bits >>> (Long.SIZE - shift);
            }
            in += count;
            out += count;
            remaining -= count;
        }
    }

    /** Sets bits [from, from + length) to +1 ({@code true}) or −1 ({@code false}). */
    public static void fill(long[] target, int from, int length, boolean plusOne) {
        int position = from;
        int remaining = length;
        while (remaining > 0) {
            int shift = position & 63;
            int count = Math.min(remaining, Long.SIZE - shift);
            long mask = (count == Long.SIZE ? -1L : (1L << count) - 1) << shift;
            int word = position >>> 6;
            target[word] = plusOne ? target[word] | mask : target[word] & ~mask;
            position += count;
            remaining -= count;
        }
    }
}
