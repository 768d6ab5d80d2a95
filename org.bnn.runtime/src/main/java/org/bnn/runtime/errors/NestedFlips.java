package org.bnn.runtime.errors;

import java.util.Arrays;

import org.bnn.runtime.random.KeyedRandom;

/**
 * Independent bit flips with probability p over positions 0..n−1, drawn so that
 * <ul>
 * <li>the cost is proportional to the number of flips (a few nanoseconds each), plus one binomial
 * inversion per call;</li>
 * <li>for one key and n the flip sets are <b>nested</b> in p: every flip at p is also a flip at
 * any p' ≥ p, whatever other points a sweep contains (common random numbers across a BER sweep
 * give monotone, low-variance curves);</li>
 * <li>the flips are a pure function of (key, n, p): independent of call order and threads.</li>
 * </ul>
 * How: the number of flips K is Binomial(n, p), drawn by inversion from one keyed uniform
 * ({@link org.bnn.runtime.random.Binomial#inverse}, through {@link FlipCounts}), so K never decreases as p grows. The flipped positions are the first
 * K distinct values of a keyed sequence of uniform positions — a uniformly random K-subset, which
 * together with the binomial count makes the flips independent Bernoulli(p) per position. A larger
 * p takes a longer prefix of the same sequence, hence the nesting.
 */
public final class NestedFlips {
    private static final long[] NONE = new long[0];
    private static final long COUNT_STREAM = 0x636F756E74L;
    private static final long POSITION_STREAM = 0x706F736974696F6EL;
    /** Up to this many positions (a 2 MB bitmap per thread) repeats are found in a bitmap, beyond in a hash set. */
    private static final long BITMAP_POSITIONS = 1L << 24;
    private static final ThreadLocal<long[]> BITMAP = ThreadLocal.withInitial(() -> new long[0]);

    private NestedFlips() {
    }

    /** The flipped positions at probability p, each once, in draw order (not sorted). */
    public static long[] positions(long key, long n, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1], got " + p);
        }
        if (n < 0) {
            throw new IllegalArgumentException("number of positions must be non-negative, got " + n);
        }
        if (p == 0 || n == 0) {
            return NONE;
        }
        long count = FlipCounts.count(KeyedRandom.uniform(KeyedRandom.key(key, COUNT_STREAM), 0), n, p);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many flips to list: " + count + " of " + n + " positions at p = " + p);
        }
        long positionStream = KeyedRandom.stream(KeyedRandom.key(key, POSITION_STREAM));
        return n <= BITMAP_POSITIONS
                ? firstDistinctByBitmap(positionStream, n, (int) count)
                : firstDistinctByHash(positionStream, n, (int) count);
    }

    /**
     * The first {@code count} distinct positions of the stream, de-duplicated in a per-thread bitmap
     * of n bits: one well-predicted test per draw (a repeat is rare), unlike a hash table's probes.
     * The bitmap is cleared again through the positions drawn.
     */
    private static long[] firstDistinctByBitmap(long positionStream, long n, int count) {
        long[] seen = BITMAP.get();
        int words = (int) ((n + 63) >>> 6);
        if (seen.length < words) {
            seen = new long[words];
            BITMAP.set(seen);
        }
        long[] positions = new long[count];
        int size = 0;
        long draw = 0;
        while (size < count) {
            long position = uniformBelow(KeyedRandom.bitsAt(positionStream, draw++), n);
            int word = (int) (position >>> 6);
            long bit = 1L << position;
            long bits = seen[word];
            if ((bits & bit) == 0) {
                seen[word] = bits | bit;
                positions[size++] = position;
            }
        }
        for (long position : positions) {
            seen[(int) (position >>> 6)] = 0;
        }
        return positions;
    }

    private static long[] firstDistinctByHash(long positionStream, long n, int count) {
        PositionSet drawn = new PositionSet(count);
        long draw = 0;
        while (drawn.size() < count) {
            drawn.add(uniformBelow(KeyedRandom.bitsAt(positionStream, draw++), n));
        }
        return drawn.toArray();
    }

    /** The flipped positions at probability p, sorted ascending. */
    public static long[] sortedPositions(long key, long n, double p) {
        long[] positions = positions(key, n, p);
        Arrays.sort(positions);
        return positions;
    }

    /** A uniform integer in [0, n) from 64 random bits (n &lt; 2^62). */
    private static long uniformBelow(long bits, long n) {
        return Math.multiplyHigh(bits >>> 1, n << 1);
    }

    /** Distinct non-negative positions in insertion order: an open-addressing hash set plus a list. */
    private static final class PositionSet {
        private long[] table;
        private long[] order;
        private int size;

        PositionSet(int expected) {
            table = emptyTable(Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1);
            order = new long[Math.max(8, expected)];
        }

        private static long[] emptyTable(int capacity) {
            long[] slots = new long[capacity];
            Arrays.fill(slots, -1L);
            return slots;
        }

        /** Adds a position; false if it was already there. */
        boolean add(long position) {
            if (2 * (size + 1) > table.length) {
                grow();
            }
            if (!insert(table, position)) {
                return false;
            }
            if (size == order.length) {
                order = Arrays.copyOf(order, order.length * 2);
            }
            order[size++] = position;
            return true;
        }

        private static boolean insert(long[] slots, long position) {
            int mask = slots.length - 1;
            // Fibonacci hashing: one multiply is enough, the positions are random already.
            int slot = (int) ((position * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            while (slots[slot] != -1L) {
                if (slots[slot] == position) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = position;
            return true;
        }

        private void grow() {
            long[] bigger = emptyTable(table.length * 2);
            for (int i = 0; i < size; i++) {
                insert(bigger, order[i]);
            }
            table = bigger;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(order, size);
        }
    }
}
