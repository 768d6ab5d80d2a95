package org.bnn.runtime.errors;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.bnn.runtime.random.BinomialInversion;
import org.bnn.runtime.random.KeyedRandom;

/**
 * Per-inference weight errors sampled in the popcount domain (docs/language.md): instead of drawing
 * which weights of a neuron flip, draw how its count of differing weights changes. A neuron with N
 * weights of which D differ from the input bits they meet has, after independent flips with
 * probability p, D' = D + Bin(N − D, p) − Bin(D, p) differing weights: the matching weights that
 * flip now differ, the differing ones that flip now match. Two binomial draws per neuron, whatever
 * the number of flips, so a high BER costs what a low one does.
 * <p>
 * <b>Exact in distribution, not in identity</b>: for each neuron the count is distributed exactly as
 * under {@link NestedFlips} patterns, and neurons and inferences are independent as there; but the
 * draws are not those patterns, so results are not bit-identical to the exact mode or to the
 * reference engine, and flip sets are not nested across a sweep (no common random numbers). Reports
 * say so. Only for layers read once per inference (dense layers on one input plane): a layer read
 * several times with the same flips (conv positions, bit planes) has correlated counts, and keeps
 * exact patterns.
 * <p>
 * The draws are keyed by (inference key, layer, neuron), so results do not depend on threads.
 */
public final class PopcountDomain {
    private static final long STREAM = 0x706F70636F756E74L;

    private final int fanIn;
    private final double p;
    /** Binomial(m, p) inversion tables for m = 1..fanIn, taken from {@link FlipCounts} when first needed. */
    private final AtomicReferenceArray<BinomialInversion> tables;

    private PopcountDomain(int fanIn, double p) {
        this.fanIn = fanIn;
        this.p = p;
        this.tables = new AtomicReferenceArray<>(fanIn + 1);
    }

    /** The sampler of neurons with {@code fanIn} weights flipping with probability p (0 &lt; p ≤ 1/2). */
    public static PopcountDomain of(int fanIn, double p) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("PopcountDomain: fanIn must be positive, got " + fanIn);
        }
        if (!(p > 0 && p <= 0.5)) {
            throw new IllegalArgumentException("PopcountDomain: p must be in (0, 0.5], got " + p);
        }
        return new PopcountDomain(fanIn, p);
    }

    /** The key of one layer's draws in one inference ({@link ErrorKeys#inference} key). */
    public static long layerKey(long inferenceKey, int layer) {
        return KeyedRandom.stream(KeyedRandom.key(ErrorKeys.layer(inferenceKey, layer), STREAM));
    }

    /**
     * Adds to every neuron's differing count the change its flips make: D'_k = D_k + Bin(N − D_k, p) −
     * Bin(D_k, p), drawn from the uniforms 2k and 2k + 1 of the layer's key.
     *
     * @param differing the counts D_k of neurons 0..neurons−1, each in [0, fanIn]
     */
    public void addTo(int[] differing, int neurons, long layerKey) {
        for (int k = 0; k < neurons; k++) {
            int d = differing[k];
            long matchingThatFlip = draw(fanIn - d, KeyedRandom.bitsAt(layerKey, 2L * k));
            long differingThatFlip = draw(d, KeyedRandom.bitsAt(layerKey, 2L * k + 1));
            differing[k] = (int) (d + matchingThatFlip - differingThatFlip);
        }
    }

    /** Binomial(m, p) from 64 random bits: the inversion of one uniform (at a low BER mostly 0, without a search). */
    private long draw(int m, long bits) {
        if (m == 0) {
            return 0;
        }
        BinomialInversion table = tables.get(m);
        if (table == null) {
            table = FlipCounts.table(m, p);
            tables.set(m, table); // a race fetches the same table twice, harmlessly
        }
        double u = (bits >>> 11) * 0x1.0p-53;
        return u < table.zeroBelow() ? 0 : table.inverse(u);
    }
}
