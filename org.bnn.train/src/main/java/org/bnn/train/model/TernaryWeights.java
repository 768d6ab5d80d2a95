package org.bnn.train.model;

import java.util.Arrays;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.TernaryPlanes;
import org.bnn.runtime.errors.NestedFlips;

/**
 * Ternary weights (Li and Liu, "Ternary Weight Networks", arXiv 1605.04711): the forward pass uses
 * w_t = sign(w)·[|w| &gt; Δ] with the layer's threshold Δ = 0.7·mean|w| over its latent weights,
 * recomputed at every forward pass; the gradient passes straight through to the latent weights as for
 * binary weights (which stay clipped to [−1, 1]). Only the ternary values are kept, not the paper's
 * scaling factor: batch norm follows every layer and absorbs any scale.
 * <p>
 * For error-aware training the weights are read as the engine stores them, two ±1 planes per weight
 * ({@link TernaryPlanes}), each plane bit inverted with probability BER/2 (the engine's weight-level
 * errors). An inverted plane moves the weight by one step (±1 to 0, 0 to ±1), an additive error
 * independent of w, so the straight-through gradient is left as it is.
 */
final class TernaryWeights extends LatentWeights {
    /** Δ as a share of mean|w| (Li and Liu's approximation of the optimal threshold). */
    static final double THRESHOLD_FACTOR = 0.7;
    /** Δ of the last quantisation. */
    private double threshold;

    TernaryWeights(String layer, int rows, int fanIn, boolean binaryInput, long key) {
        super(layer, rows, fanIn, binaryInput, key);
    }

    @Override
    int planes() {
        return 2;
    }

    /** Δ = 0.7·mean|w|, summed in a fixed order in double precision (deterministic). */
    static double threshold(float[] latent) {
        double sum = 0;
        for (float w : latent) {
            sum += Math.abs(w);
        }
        return THRESHOLD_FACTOR * sum / latent.length;
    }

    private static float ternary(float w, double threshold) {
        return Math.abs(w) > threshold ? (w > 0 ? 1f : -1f) : 0f;
    }

    @Override
    void quantise(float[] latent, float[] quantised) {
        threshold = threshold(latent);
        for (int i = 0; i < latent.length; i++) {
            quantised[i] = ternary(latent[i], threshold);
        }
    }

    @Override
    long[] injectErrors(double ber, long key, float[] quantised) {
        if (ber <= 0) {
            return new long[0];
        }
        float[] latent = latent().value();
        int fanIn = fanIn();
        for (long position : NestedFlips.positions(key, 2L * quantised.length, ber / 2)) {
            int k = (int) (position / (2L * fanIn));
            int inRow = (int) (position - 2L * k * fanIn);
            int i = k * fanIn + inRow % fanIn;
            // w = (s + s')/2 with, for the error-free weight q, s = +1 iff q ≥ 0 and s' = +1 iff q > 0:
            // inverting a plane subtracts its value from w (the planes' inversions add up).
            float q = ternary(latent[i], threshold);
            boolean plus = inRow < fanIn ? q >= 0 : q > 0;
            quantised[i] -= plus ? 1f : -1f;
        }
        return new long[0];
    }

    /** The planes of {@link TernaryPlanes}: bit j is s (w ≥ 0), bit N + j is s' (w &gt; 0); reads 2N bits with x‖x. */
    @Override
    void packRow(float[] quantised, int k, long[] target, int to) {
        int fanIn = fanIn();
        Arrays.fill(target, to, to + rowWords(), 0L);
        for (int j = 0; j < fanIn; j++) {
            float w = quantised[k * fanIn + j];
            int second = fanIn + j;
            target[to + (j >>> 6)] |= (w >= 0 ? 1L : 0L) << j;
            target[to + (second >>> 6)] |= (w > 0 ? 1L : 0L) << second;
        }
    }

    /** The signs of the latent weights and the mask |w| &gt; Δ, with Δ of the final latent weights; no errors. */
    @Override
    LayerParameters export(BatchNorm batchNorm) {
        float[] latent = latent().value();
        double delta = threshold(latent);
        float[] mask = new float[latent.length];
        for (int i = 0; i < latent.length; i++) {
            mask[i] = Math.abs(latent[i]) > delta ? 1f : -1f;
        }
        return new LayerParameters(layer(), signs(latent), signs(mask), batchNorm);
    }
}
