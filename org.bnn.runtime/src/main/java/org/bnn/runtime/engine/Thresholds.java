package org.bnn.runtime.engine;

import java.util.Arrays;

/**
 * The integer threshold and direction bit stored per neuron (docs/architecture.md, "The binary neuron"). Neuron k
 * fires (+1) iff its count V passes t_k: {@code V ≥ t_k} when {@link #atLeast(int) atLeast},
 * {@code V ≤ t_k} otherwise. V is the match count P of a binary layer; for a bit-serial first
 * layer it is Σ_b 2^b·P_b, and under an average pool the sum of those over the window
 * (see {@link ThresholdFold}). Thresholds are kept inside [−1, range + 1], so a neuron that always
 * or never fires needs no infinite value.
 */
public final class Thresholds {
    private final long[] thresholds;
    private final boolean[] atLeast;
    /** Fast form: fires iff (V ≥ lowest[k]) XOR below[k]. */
    private final long[] lowest;
    private final boolean[] below;

    /**
     * @param thresholds t_k per neuron
     * @param atLeast    per neuron: true for {@code V ≥ t}, false for {@code V ≤ t}
     */
    public Thresholds(long[] thresholds, boolean[] atLeast) {
        if (thresholds.length != atLeast.length) {
            throw new IllegalArgumentException("need as many thresholds as directions, got " + thresholds.length + " and "
                    + atLeast.length);
        }
        this.thresholds = thresholds.clone();
        this.atLeast = atLeast.clone();
        this.lowest = new long[thresholds.length];
        this.below = new boolean[thresholds.length];
        for (int k = 0; k < thresholds.length; k++) {
            if (thresholds[k] == Long.MAX_VALUE || thresholds[k] == Long.MIN_VALUE) {
                throw new IllegalArgumentException("threshold[" + k + "] must be clamped to the count's range, got " + thresholds[k]);
            }
            lowest[k] = atLeast[k] ? thresholds[k] : thresholds[k] + 1;
            below[k] = !atLeast[k];
        }
    }

    /** Sign activation with sign(0) = +1 for counts in [0, range]: fires iff 2V − range ≥ 0. */
    public static Thresholds sign(int neurons, long range) {
        long[] thresholds = new long[neurons];
        Arrays.fill(thresholds, (range + 1) / 2);
        boolean[] atLeast = new boolean[neurons];
        Arrays.fill(atLeast, true);
        return new Thresholds(thresholds, atLeast);
    }

    public int neurons() {
        return thresholds.length;
    }

    /** t_k. */
    public long threshold(int k) {
        return thresholds[k];
    }

    /** The direction bit of neuron k: true for {@code V ≥ t_k}, false for {@code V ≤ t_k}. */
    public boolean atLeast(int k) {
        return atLeast[k];
    }

    /** Whether neuron k fires for count {@code value}. */
    public boolean fires(int k, long value) {
        return value >= lowest[k] != below[k];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Thresholds t && Arrays.equals(t.thresholds, thresholds) && Arrays.equals(t.atLeast, atLeast);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(thresholds) + Arrays.hashCode(atLeast);
    }
}
