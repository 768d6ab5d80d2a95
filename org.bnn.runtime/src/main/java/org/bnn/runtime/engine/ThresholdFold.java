package org.bnn.runtime.engine;

/**
 * Folds batch norm + sign into one integer comparison per neuron (docs/architecture.md, "The binary neuron").
 * <p>
 * A neuron with fan-in N accumulates a count V in [0, c·N], where the <em>count scale</em> c is
 * 1 for a binary layer, 2^B − 1 for a bit-serial first layer (V = Σ_b 2^b·P_b) and is multiplied
 * by the window size m when an average pool sums V over m positions. Its pre-activation in the
 * network's [−1, 1] scale is ā = (2V − c·N)/c: the ±1 dot product for a binary layer, the dot
 * product with the centred input scaled to [−1, 1] for a bit-serial one, the window mean under an
 * average pool. The neuron outputs +1 iff {@link BatchNorm#normalise} of ā is ≥ 0, and so:
 * <ul>
 * <li>γ &gt; 0: +1 iff V ≥ t with t = ceil(c·(τ + N)/2), τ = μ − βσ/γ;</li>
 * <li>γ &lt; 0: +1 iff V ≤ t with t = floor(c·(τ + N)/2);</li>
 * <li>γ = 0: constant, +1 iff β ≥ 0 (t = 0 or c·N + 1 with direction ≥).</li>
 * </ul>
 * For c = 1 these are the closed forms of docs/architecture.md ("The binary neuron"). Rather than rounding τ, t is found by bisection on the
 * double-precision normalised value, which is monotone in V; the fold therefore agrees with the
 * floating-point batch norm bit for bit, also at exact ties (sign(0) = +1) and for huge or
 * vanishing γ, and t never leaves [−1, c·N + 1].
 */
public final class ThresholdFold {
    /** Counts up to this stay exact in a double, so ā is computed without rounding of 2V − c·N. */
    static final long MAX_RANGE = 1L << 52;

    private ThresholdFold() {
    }

    /** Thresholds for {@code bn} over fan-in {@code fanIn} and count scale {@code countScale} (c above). */
    public static Thresholds fold(BatchNorm bn, int fanIn, long countScale) {
        long range = range(fanIn, countScale);
        int neurons = bn.neurons();
        long[] thresholds = new long[neurons];
        boolean[] atLeast = new boolean[neurons];
        for (int k = 0; k < neurons; k++) {
            double gamma = bn.gamma(k);
            atLeast[k] = gamma >= 0;
            if (gamma == 0) {
                thresholds[k] = bn.beta(k) >= 0 ? 0 : range + 1;
            } else {
                thresholds[k] = bisect(bn, k, range, countScale, gamma > 0);
            }
        }
        return new Thresholds(thresholds, atLeast);
    }

    /** The pre-activation ā = (2V − range)/c of count V in the [−1, 1] scale. */
    public static double preActivation(long count, long range, long countScale) {
        return (double) (2 * count - range) / countScale;
    }

    /** c·N, checked to stay exact in double precision. */
    static long range(int fanIn, long countScale) {
        if (fanIn < 1 || countScale < 1 || countScale > MAX_RANGE / fanIn) {
            throw new IllegalArgumentException("fan-in " + fanIn + " times count scale " + countScale + " must be in 1.." + MAX_RANGE);
        }
        return fanIn * countScale;
    }

    /**
     * γ &gt; 0: the least V in [0, range] that fires, or range + 1 if none does.
     * γ &lt; 0: the greatest V in [0, range] that fires, or −1 if none does.
     */
    private static long bisect(BatchNorm bn, int k, long range, long countScale, boolean increasing) {
        // Invariant, γ > 0: V = low does not fire and V = high fires; γ < 0: low fires, high does not.
        // The sentinels −1 and range + 1 stand for "no such count".
        long low = -1;
        long high = range + 1;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            boolean fires = bn.normalise(k, preActivation(middle, range, countScale)) >= 0;
            if (fires == increasing) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return increasing ? high : low;
    }
}
