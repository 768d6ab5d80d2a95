package org.bnn.train.model;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.NestedFlips;

/**
 * Binary weights (BinaryNet, Courbariaux et al. 2016): the forward pass uses sign(w) with
 * sign(0) = +1 (as {@link WeightMatrix#fromSigns} stores it). For error-aware training, the weights
 * at a sampled set of positions are inverted (a chip with that bit-error rate); the straight-through
 * gradient of an inverted weight is negated.
 */
final class BinaryWeights extends LatentWeights {
    BinaryWeights(String layer, int rows, int fanIn, boolean binaryInput, long key) {
        super(layer, rows, fanIn, binaryInput, key);
    }

    @Override
    int planes() {
        return 1;
    }

    @Override
    void quantise(float[] latent, float[] quantised) {
        for (int i = 0; i < latent.length; i++) {
            quantised[i] = latent[i] >= 0 ? 1f : -1f;
        }
    }

    @Override
    long[] injectErrors(double ber, long key, float[] quantised) {
        long[] flips = ber > 0 ? NestedFlips.positions(key, quantised.length, ber) : new long[0];
        for (long position : flips) {
            quantised[(int) position] = -quantised[(int) position];
        }
        return flips;
    }

    @Override
    void packRow(float[] quantised, int k, long[] target, int to) {
        Signs.pack(quantised, k * fanIn(), fanIn(), target, to);
    }

    /** The signs of the latent weights, without flips. */
    @Override
    LayerParameters export(BatchNorm batchNorm) {
        return new LayerParameters(layer(), signs(latent().value()), batchNorm);
    }
}
