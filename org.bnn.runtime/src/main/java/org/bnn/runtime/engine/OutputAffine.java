package org.bnn.runtime.engine;

import java.util.Arrays;

/**
 * The output layer's per-class affine, applied in the digital periphery to the integer
 * pre-activation a_k (docs/architecture.md, "The binary neuron"): s_k = g_k·ā_k + h_k with g = γ/σ,
 * h = β − γμ/σ and ā_k = a_k / S the pre-activation in the [−1, 1] scale (S = 2^B − 1 when the
 * output layer reads bit-serial input planes directly, else 1).
 */
public final class OutputAffine {
    private final double[] gain;
    private final double[] offset;
    private final long scale;

    private OutputAffine(double[] gain, double[] offset, long scale) {
        this.gain = gain;
        this.offset = offset;
        this.scale = scale;
    }

    /** The affine of a trained batch norm; {@code scale} is S above. */
    public static OutputAffine of(BatchNorm bn, long scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        double[] gain = new double[bn.neurons()];
        double[] offset = new double[bn.neurons()];
        for (int k = 0; k < gain.length; k++) {
            double sigma = bn.sigma(k);
            gain[k] = bn.gamma(k) / sigma;
            offset[k] = bn.beta(k) - bn.gamma(k) * bn.mean(k) / sigma;
        }
        return new OutputAffine(gain, offset, scale);
    }

    public int classes() {
        return gain.length;
    }

    /** g_k. */
    public double gain(int k) {
        return gain[k];
    }

    /** h_k. */
    public double offset(int k) {
        return offset[k];
    }

    /** s_k of integer pre-activation a_k. */
    public double score(int k, long preActivation) {
        return gain[k] * ((double) preActivation / scale) + offset[k];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputAffine a && Arrays.equals(a.gain, gain) && Arrays.equals(a.offset, offset) && a.scale == scale;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(gain) + Arrays.hashCode(offset)) + Long.hashCode(scale);
    }
}
