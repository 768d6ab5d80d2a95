package org.bnn.runtime.errors;

import java.util.Arrays;

import org.bnn.runtime.random.KeyedRandom;

/**
 * Independent bit flips with probability p over positions 0..n−1, drawn so that
 * <ul>
 * <li>the cost is proportional to the number of flips, with no fixed cost per call beyond a few
 * allocations;</li>
 * <li>for one key and n the flip sets are <b>nested</b> in p: every flip at p is also a flip at
 * any p' ≥ p, whatever other points a sweep contains (common random numbers across a BER sweep
 * give monotone, low-variance curves);</li>
 * <li>the flips are a pure function of (key, n, p): independent of call order and threads.</li>
 * </ul>
 * How: think of every position i as holding a uniform u_i and flipping iff u_i &lt; p. The
 * smallest u values are generated in increasing order as order statistics (Rényi's
 * representation: −ln(1 − u_(k)) is a sum of exponentials E_j/(n − j + 1)), each attached to a
 * position drawn uniformly among those not yet drawn, which makes the positions a uniformly random
 * ordering independent of the values. The flips at p are the prefix whose values are below p.
 * Drawing stops at the first value ≥ p, so the work is the number of flips plus one.
 */
public final class NestedFlips {
    private static final long[] NONE = new long[0];
    private static final long POSITION_STREAM = 0x706F736974696F6EL;

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
        // u < p  ⇔  −ln(1 − u) < −ln(1 − p); for p = 1 the limit is infinite and every position flips.
        double limit = -Math.log1p(-p);
        long positionKey = KeyedRandom.key(key, POSITION_STREAM);
        PositionSet drawn = new PositionSet(expectedCount(n, p));
        double exponentSum = 0;
        long positionDraw = 0;
        for (long k = 0; k < n; k++) {
            exponentSum += -Math.log1p(-KeyedRandom.uniform(key, k)) / (n - k);
            if (exponentSum >= limit) {
                break;
            }
            long position;
            do {
                position = uniformBelow(KeyedRandom.bits(positionKey, positionDraw++), n);
            } while (!drawn.add(position));
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

    private static int expectedCount(long n, double p) {
        double mean = n * p;
        return (int) Math.min(1 << 24, mean + 4 * Math.sqrt(mean) + 8);
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
            int slot = (int) KeyedRandom.mix(position) & mask;
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

        long[] toArray() {
            return Arrays.copyOf(order, size);
        }
    }
}
