package org.bnn.runtime.random;

import java.util.Arrays;

/**
 * {@link Binomial#inverse} for one (n, p) answered by a binary search in precomputed CDF values
 * instead of a walk of O(√(np)) divisions: the same k for every u, bit for bit.
 * <p>
 * Why it is exact: the walk's running sums are a sequence fixed by (n, p) alone — upwards
 * c(k) = c(k−1) + pmf(k), downwards d(k) = c(k) − pmf(k) — and the walk stops at the first k
 * where the sum crosses u. The table holds those very floating-point values, computed by the same
 * operations in the same order (the start and the recurrences of {@link Binomial}); they are monotone, so a binary search finds the same crossing. Where u
 * falls beyond the table (a tail further out than {@link #MAX_STEPS} steps), the walk itself
 * answers.
 * <p>
 * A sweep draws the same (n, p) for every inference of every trial, so one table serves
 * thousands of draws: this is what makes drawing a flip count cheap next to the flips.
 */
public final class BinomialInversion {
    /** Steps kept on each side of the start; more than ±40σ of the distributions a simulation meets. */
    static final int MAX_STEPS = 4096;
    /** No end: the table stops before the walk does, which then answers. */
    private static final long OPEN = -1;

    private final long n;
    private final double p;
    private final Binomial.WalkStart walk;
    /** c(start + i), the upward running sums: the walk answers start + i for the first c &gt; u. */
    private final double[] up;
    /** What the walk upwards answers when no c in the table exceeds u (k = n, or the tail is spent), or OPEN. */
    private final long upEnd;
    /** d(start − i) = c(start − i) − pmf(start − i), non-increasing in i: the walk down answers start − i for the first d ≤ u. */
    private final double[] down;
    /** What the walk downwards answers when no d in the table is at most u (k = 0, or the tail is spent), or OPEN. */
    private final long downEnd;
    /** See {@link #zeroBelow()}. */
    private final double zeroBelow;

    private BinomialInversion(long n, double p) {
        this.n = n;
        this.p = p;
        this.walk = Binomial.walkStart(n, p);
        double odds = p / (1 - p);
        Sums sums = new Sums();
        long k = walk.k();
        double pmf = walk.pmf();
        double cdf = walk.cdfBelow() + pmf;
        long end = OPEN;
        while (sums.size() < MAX_STEPS) {
            sums.add(cdf);
            if (k >= n) {
                end = k;
                break;
            }
            if (cdf >= 1.0) {
                break; // every u in [0, 1) stops here or before
            }
            pmf = Binomial.nextPmfUp(pmf, k, n, odds);
            k++;
            if (Binomial.upperTailSpent(pmf, cdf, k, n, p)) {
                end = k;
                break;
            }
            cdf += pmf;
        }
        this.up = sums.toArray();
        this.upEnd = end;
        this.zeroBelow = walk.k() == 0 && !walk.fromMode() && up.length > 0 ? up[0] : 0;
        if (!walk.fromMode()) {
            this.down = new double[0];
            this.downEnd = OPEN; // never asked: without a mode start every u walks up
            return;
        }
        double inverseOdds = (1 - p) / p;
        sums = new Sums();
        k = walk.k();
        pmf = walk.pmf();
        cdf = walk.lowerTail();
        end = OPEN;
        while (sums.size() < MAX_STEPS && k > 0) {
            sums.add(cdf - pmf);
            cdf -= pmf;
            pmf = Binomial.nextPmfDown(pmf, k, n, inverseOdds);
            k--;
            if (Binomial.lowerTailSpent(pmf, cdf)) {
                end = k;
                break;
            }
        }
        this.down = sums.toArray();
        this.downEnd = k == 0 ? 0 : end;
    }

    /** The table for Binomial(n, p); n ≥ 1 and 0 &lt; p &lt; 1 (the other cases need no table). */
    public static BinomialInversion of(long n, double p) {
        if (n < 1 || !(p > 0 && p < 1)) {
            throw new IllegalArgumentException("BinomialInversion needs n ≥ 1 and 0 < p < 1, got n = " + n + ", p = " + p);
        }
        return new BinomialInversion(n, p);
    }

    /**
     * A bound below which {@link #inverse} is 0: the first running sum when the walk starts at 0
     * (inverse(u) = 0 exactly for u below it), else 0 (no such shortcut). Lets a caller that mostly
     * draws 0 skip the search.
     */
    public double zeroBelow() {
        return zeroBelow;
    }

    /** {@link Binomial#inverse}(u, n, p), the same value for every u in [0, 1). */
    public long inverse(double u) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u must be in [0, 1), got " + u);
        }
        if (walk.fromMode() && u < walk.lowerTail()) {
            int i = firstAtMost(down, u);
            if (i < down.length) {
                return walk.k() - i;
            }
            return downEnd != OPEN ? downEnd : Binomial.inverse(u, n, p);
        }
        int i = firstAbove(up, u);
        if (i < up.length) {
            return walk.k() + i;
        }
        return upEnd != OPEN ? upEnd : Binomial.inverse(u, n, p);
    }

    /** The first index whose value exceeds u in a non-decreasing array (length if none). */
    private static int firstAbove(double[] values, double u) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] > u) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The first index whose value is at most u in a non-increasing array (length if none). */
    private static int firstAtMost(double[] values, double u) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] <= u) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** A growing list of doubles. */
    private static final class Sums {
        private double[] values = new double[64];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
