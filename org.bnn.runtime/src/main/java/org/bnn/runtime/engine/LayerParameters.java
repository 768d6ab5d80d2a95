package org.bnn.runtime.engine;

import java.io.Serializable;

/**
 * The trained parameters of one layer with weights, as an {@code .npz} reader or the trainer
 * fills them.
 * <p>
 * <b>Weights</b>: one row per neuron (output channel), fan-in N values per row; weight (k, j) is
 * logical position k·N + j, the index error patterns use. Activations are laid out HWC
 * (value (y, x, c) at (y·W + x)·C + c), so
 * <ul>
 * <li>a dense or output layer after a conv or pool reads j = (y·W + x)·C + c (a PyTorch CHW
 * flatten must be permuted on import);</li>
 * <li>a conv kernel is j = (dy·k + dx)·C_in + c (HWIO order per output channel).</li>
 * </ul>
 * <b>Batch norm</b> (one entry per neuron) acts on the pre-activation ā in the [−1, 1] scale: the
 * ±1 dot product of a binary layer; for a bit-serial first layer the dot product with the input
 * centred and scaled to [−1, 1], x̃ = (2q − (2^B − 1))/(2^B − 1); for a conv followed by an
 * average pool, the mean of ā over the window. Hidden layers fold it into thresholds
 * ({@link ThresholdFold}); the output layer turns it into per-class affine scores
 * ({@link OutputAffine}). {@link BatchNorm#identity} gives the plain sign activation and raw scores.
 * <p>
 * <b>Ternary weights</b> add a {@code nonzero} mask of the same shape (bit 1: the weight is ±1, its
 * sign in {@code weights}; bit 0: the weight is 0, whatever {@code weights} holds there); binary
 * layers have none (null). The pre-activation is then the dot product with weights in {−1, 0, +1}.
 */
public record LayerParameters(String layer, WeightMatrix weights, WeightMatrix nonzero, BatchNorm batchNorm) implements Serializable {
    public LayerParameters {
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("LayerParameters.layer must be a non-empty name, got "
                    + (layer == null ? "null" : "\"" + layer + "\""));
        }
        if (weights == null) {
            throw new IllegalArgumentException("LayerParameters(" + layer + ").weights is required, got null");
        }
        if (batchNorm == null) {
            throw new IllegalArgumentException("LayerParameters(" + layer + ").batchNorm is required, got null");
        }
        if (batchNorm.neurons() != weights.rows()) {
            throw new IllegalArgumentException("LayerParameters(" + layer + ").batchNorm has " + batchNorm.neurons()
                    + " neurons, weights have " + weights.rows() + " rows");
        }
        if (nonzero != null && (nonzero.rows() != weights.rows() || nonzero.fanIn() != weights.fanIn())) {
            throw new IllegalArgumentException("LayerParameters(" + layer + ").nonzero is " + nonzero.rows() + " x " + nonzero.fanIn()
                    + ", weights are " + weights.rows() + " x " + weights.fanIn());
        }
    }

    /** Binary weights with batch norm. */
    public LayerParameters(String layer, WeightMatrix weights, BatchNorm batchNorm) {
        this(layer, weights, null, batchNorm);
    }

    /** True for ternary weights (with a nonzero mask). */
    public boolean ternary() {
        return nonzero != null;
    }

    /** Weights without batch norm: sign activation, or raw scores for the output layer. */
    public static LayerParameters signOnly(String layer, WeightMatrix weights) {
        return new LayerParameters(layer, weights, BatchNorm.identity(weights.rows()));
    }
}
