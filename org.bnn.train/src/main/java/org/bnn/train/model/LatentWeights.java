package org.bnn.train.model;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.train.kernel.MatrixKernel;

/**
 * The weights of one layer: latent real weights, rows × fan-in, and the quantised matrix the forward
 * pass uses ({@link BinaryWeights}: ±1; {@link TernaryWeights}: −1, 0, +1), with its gradient passed
 * straight through to the latent weights. For error-aware training the quantised matrix is disturbed
 * as a chip with that bit-error rate would read it. Layers with ±1 input read the matrix as packed
 * rows of {@link #planes()} × fan-in bits through XNOR-popcount (see {@link BinaryLinear}).
 */
abstract class LatentWeights {
    private final String layer;
    private final int rows;
    private final int fanIn;
    private final Parameter latent;
    /** Whether the layer reads ±1 values (then the forward pass is XNOR-popcount on packed bits). */
    private final boolean binaryInput;
    /** The quantised weights with errors, rows × fanIn; its transpose (real-valued input) or its packed rows (±1 input). */
    private final float[] effective;
    private final float[] transposed;
    private final long[] packed;
    /** Positions whose straight-through gradient is negated (weights read inverted). */
    private long[] negated = new long[0];

    LatentWeights(String layer, int rows, int fanIn, boolean binaryInput, long key) {
        this.layer = layer;
        this.rows = rows;
        this.fanIn = fanIn;
        this.binaryInput = binaryInput;
        this.latent = new Parameter(layer + "/latent", rows * fanIn, true);
        this.effective = new float[rows * fanIn];
        this.transposed = binaryInput ? null : new float[rows * fanIn];
        this.packed = binaryInput ? new long[rows * rowWords()] : null;
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

    /** Bits per weight in the packed rows: 1 for ±1 weights, 2 (two ±1 planes) for ternary ones. */
    abstract int planes();

    /** Words of one packed row. */
    final int rowWords() {
        return PackedBits.words(planes() * fanIn);
    }

    /** Writes the quantised latent weights into {@code quantised} (rows × fanIn). */
    abstract void quantise(float[] latent, float[] quantised);

    /**
     * Disturbs {@code quantised} as a chip with bit-error rate {@code ber} reads it, drawn from
     * {@code key}; returns the positions whose straight-through gradient is negated.
     */
    abstract long[] injectErrors(double ber, long key, float[] quantised);

    /** Packs row {@code k} of {@code quantised} into {@code target} from word {@code to} ({@link #planes()} × fanIn bits). */
    abstract void packRow(float[] quantised, int k, long[] target, int to);

    /** The stored weights of the exported network with batch norm {@code batchNorm} (quantised latent weights, no errors). */
    abstract LayerParameters export(BatchNorm batchNorm);

    /** Builds the quantised matrix for the next forward pass, read with bit-error rate {@code ber}. */
    final void prepare(double ber, long flipKey) {
        quantise(latent.value(), effective);
        negated = injectErrors(ber, flipKey, effective);
        if (binaryInput) {
            int words = rowWords();
            for (int k = 0; k < rows; k++) {
                packRow(effective, k, packed, k * words);
            }
        } else {
            MatrixKernel.transpose(effective, transposed, rows, fanIn);
        }
    }

    boolean binaryInput() {
        return binaryInput;
    }

    /** The quantised matrix bit-packed row by row, {@link #rowWords()} words a row, for layers with ±1 input. */
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

    /** Adds the gradient of the quantised matrix to the latent weights' (straight through, negated where read inverted). */
    void addGradient(float[] effectiveGradient) {
        float[] g = latent.gradient();
        for (long position : negated) {
            effectiveGradient[(int) position] = -effectiveGradient[(int) position];
        }
        for (int i = 0; i < g.length; i++) {
            g[i] += effectiveGradient[i];
        }
    }

    /** rows × fanIn bits, bit 1 where {@code values} is ≥ 0 (as {@link WeightMatrix#fromSigns} stores signs). */
    final WeightMatrix signs(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return WeightMatrix.fromSigns(fanIn, rows, wide);
    }
}
