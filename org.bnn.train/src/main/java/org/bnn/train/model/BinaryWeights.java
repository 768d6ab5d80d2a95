package org.bnn.train.model;

import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.train.kernel.MatrixKernel;

/**
 * The binary weights of one layer: latent real weights, rows × fan-in, and the ±1 matrix the forward
 * pass uses, sign(w) with sign(0) = +1 (as {@link WeightMatrix#fromSigns} stores it). For
 * error-aware training, the weights at a sampled set of positions are inverted in the forward pass
 * (a chip with that bit-error rate); the straight-through gradient of an inverted weight is negated.
 */
final class BinaryWeights {
    private final String layer;
    private final int rows;
    private final int fanIn;
    private final Parameter latent;
    /** Whether the layer reads ±1 values (then the forward pass is XNOR-popcount on packed bits). */
    private final boolean binaryInput;
    /** sign(latent) with flips, rows × fanIn; its transpose (real-valued input) or its packed rows (±1 input). */
    private final float[] effective;
    private final float[] transposed;
    private final long[] packed;
    private long[] flips = new long[0];

    BinaryWeights(String layer, int rows, int fanIn, boolean binaryInput, long key) {
        this.layer = layer;
        this.rows = rows;
        this.fanIn = fanIn;
        this.binaryInput = binaryInput;
        this.latent = new Parameter(layer + "/latent", rows * fanIn, true);
        this.effective = new float[rows * fanIn];
        this.transposed = binaryInput ? null : new float[rows * fanIn];
        this.packed = binaryInput ? new long[rows * PackedBits.words(fanIn)] : null;
        // Glorot-uniform start: small, so that signs change quickly at first.
        float limit = (float) Math.sqrt(6.0 / (rows + fanIn));
        float[] w = latent.value();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((2 * KeyedRandom.uniform(key, i) - 1) * limit);
        }
    }

    String layer() {
        return layer;
    }

    int rows() {
        return rows;
    }

    int fanIn() {
        return fanIn;
    }

    Parameter latent() {
        return latent;
    }

    /** Builds the ±1 matrix for the next forward pass, with each weight inverted with probability {@code ber}. */
    void prepare(double ber, long flipKey) {
        float[] w = latent.value();
        for (int i = 0; i < w.length; i++) {
            effective[i] = w[i] >= 0 ? 1f : -1f;
        }
        flips = ber > 0 ? NestedFlips.positions(flipKey, w.length, ber) : new long[0];
        for (long position : flips) {
            effective[(int) position] = -effective[(int) position];
        }
        if (binaryInput) {
            int words = PackedBits.words(fanIn);
            for (int k = 0; k < rows; k++) {
                Signs.pack(effective, k * fanIn, fanIn, packed, k * words);
            }
        } else {
            MatrixKernel.transpose(effective, transposed, rows, fanIn);
        }
    }

    boolean binaryInput() {
        return binaryInput;
    }

    /** The ±1 matrix bit-packed row by row (bit 1 = +1), for layers with ±1 input. */
    long[] packed() {
        return packed;
    }

    /** rows × fanIn. */
    float[] effective() {
        return effective;
    }

    /** fanIn × rows, for layers with real-valued input. */
    float[] transposed() {
        return transposed;
    }

    /** Adds the gradient of the ±1 matrix to the latent weights' (straight through, negated where flipped). */
    void addGradient(float[] effectiveGradient) {
        float[] g = latent.gradient();
        for (long position : flips) {
            effectiveGradient[(int) position] = -effectiveGradient[(int) position];
        }
        for (int i = 0; i < g.length; i++) {
            g[i] += effectiveGradient[i];
        }
    }

    /** The stored binary weights: the signs of the latent weights, without flips. */
    WeightMatrix export() {
        float[] w = latent.value();
        double[] values = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            values[i] = w[i];
        }
        return WeightMatrix.fromSigns(fanIn, rows, values);
    }
}
