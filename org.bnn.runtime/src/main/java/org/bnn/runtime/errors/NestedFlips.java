package org.bnn.runtime.errors;

import java.util.Arrays;

import org.bnn.runtime.random.KeyedRandom;

/**
 * Independent bit flips with probability p over positions 0..n−1, drawn so that
 * <ul>
 * <li>the cost is proportional to the number of flips, not to n (geometric skipping);</li>
 * <li>for one key the flip sets are <b>nested</b> in p: every flip at p is also a flip at any
 * p' ≥ p, whatever other points a sweep contains (common random numbers across a BER sweep give
 * monotone, low-variance curves);</li>
 * <li>the flips are a pure function of (key, n, p): independent of call order and threads.</li>
 * </ul>
 * How: the probability axis is cut into fixed bands [a, b) with geometric boundaries
 * b = 2^(−k/4). Each band proposes candidates independently of the others, every position with
 * probability q = (b − a)/(1 − a), each candidate with a uniform mark v. The flips at p are the
 * union of the candidates of all bands below p and of those candidates of the band containing p
 * whose mark is below (p − a)/(b − a). By induction over the bands a position is flipped with
 * probability exactly p, independently of all other positions, and raising p only adds flips.
 * The partial band costs at most 2^(1/4) − 1 ≈ 19 % extra candidates.
 */
public final class NestedFlips {
    private static final int BANDS_PER_OCTAVE = 4;
    /** Bands reach down to 2^−64 ≈ 5.4e−20; below that, one band [0, 2^−64). */
    private static final int LOWEST_BAND = 64 * BANDS_PER_OCTAVE;
    private static final long MARK_STREAM = 0x6D61726BL;

    private NestedFlips() {
    }

    /** The flipped positions at probability p, sorted ascending, each once. */
    public static long[] positions(long key, long n, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1], got " + p);
        }
        if (n < 0) {
            throw new IllegalArgumentException("number of positions must be non-negative, got " + n);
        }
        Positions flips = new Positions(expectedCount(n, p));
        if (p > 0 && n > 0) {
            // Band k is [boundary(k + 1), boundary(k)); visit from the lowest probabilities up.
            for (int band = LOWEST_BAND; band >= 0; band--) {
                double low = band == LOWEST_BAND ? 0.0 : boundary(band + 1);
                double high = boundary(band);
                if (low >= p) {
                    break;
                }
                double keep = p >= high ? 1.0 : (p - low) / (high - low);
                proposeBand(KeyedRandom.key(key, band), n, (high - low) / (1.0 - low), keep, flips);
            }
        }
        return flips.sortedUnique();
    }

    /** p at the top of band k: 2^(−k/4). */
    private static double boundary(int band) {
        return Math.scalb(Math.pow(2.0, -(band % BANDS_PER_OCTAVE) / (double) BANDS_PER_OCTAVE), -(band / BANDS_PER_OCTAVE));
    }

    private static void proposeBand(long bandKey, long n, double rate, double keep, Positions flips) {
        long markKey = KeyedRandom.key(bandKey, MARK_STREAM);
        double logComplement = Math.log1p(-rate);
        long position = -1;
        for (long draw = 0;; draw++) {
            long gap = rate >= 1.0 ? 0 : gapBeforeNextSuccess(KeyedRandom.uniform(bandKey, draw), logComplement);
            if (gap >= n - position - 1) {
                return;
            }
            position += 1 + gap;
            if (keep >= 1.0 || KeyedRandom.uniform(markKey, draw) < keep) {
                flips.add(position);
            }
        }
    }

    /** Failures before the next success of a Bernoulli sequence, by inversion of one uniform. */
    private static long gapBeforeNextSuccess(double uniform, double logComplement) {
        double gap = Math.floor(Math.log1p(-uniform) / logComplement);
        return gap >= 0x1p62 ? 1L << 62 : (long) gap;
    }

    private static int expectedCount(long n, double p) {
        double mean = n * p;
        return (int) Math.min(1 << 20, mean + 4 * Math.sqrt(mean) + 16);
    }

    /** A growable array of positions. */
    private static final class Positions {
        private long[] values;
        private int size;

        Positions(int capacity) {
            values = new long[capacity];
        }

        void add(long position) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(16, values.length * 2));
            }
            values[size++] = position;
        }

        long[] sortedUnique() {
            Arrays.sort(values, 0, size);
            int unique = 0;
            for (int i = 0; i < size; i++) {
                if (unique == 0 || values[unique - 1] != values[i]) {
                    values[unique++] = values[i];
                }
            }
            return Arrays.copyOf(values, unique);
        }
    }
}
