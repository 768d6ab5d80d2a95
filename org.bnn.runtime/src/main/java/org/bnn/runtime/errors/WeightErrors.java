package org.bnn.runtime.errors;

import java.util.Arrays;

/**
 * Weight-level errors: every stored weight of layer l is inverted with probability
 * {@code berPerLayer[l]}, independently, resampled as {@link #resampling()} says.
 */
public record WeightErrors(Resampling resampling, double[] berPerLayer) {
    public WeightErrors {
        if (resampling == null) {
            throw new IllegalArgumentException("WeightErrors.resampling is required, got null");
        }
        berPerLayer = berPerLayer.clone();
        for (int l = 0; l < berPerLayer.length; l++) {
            double ber = berPerLayer[l];
            if (!(ber >= 0.0 && ber <= 0.5)) {
                throw new IllegalArgumentException("WeightErrors.berPerLayer[" + l + "] must be in [0, 0.5], got " + ber);
            }
        }
    }

    /** The same BER in all {@code layers} layers. */
    public static WeightErrors uniform(Resampling resampling, double ber, int layers) {
        double[] bers = new double[layers];
        Arrays.fill(bers, ber);
        return new WeightErrors(resampling, bers);
    }

    /** No errors at all. */
    public static WeightErrors none(int layers) {
        return uniform(Resampling.PER_CHIP, 0.0, layers);
    }

    @Override
    public double[] berPerLayer() {
        return berPerLayer.clone();
    }

    public int layers() {
        return berPerLayer.length;
    }

    /** True if no weight can flip. */
    public boolean isNone() {
        return Arrays.stream(berPerLayer).allMatch(b -> b == 0.0);
    }

    /**
     * The flipped positions of every layer under {@code key} (a chip or inference key from
     * {@link ErrorKeys}); {@code weightsPerLayer[l]} is the number of weights of layer l.
     */
    public long[][] flips(long key, long[] weightsPerLayer) {
        if (weightsPerLayer.length != berPerLayer.length) {
            throw new IllegalArgumentException("network has " + weightsPerLayer.length + " layers but errors are given for "
                    + berPerLayer.length);
        }
        long[][] flips = new long[berPerLayer.length][];
        for (int l = 0; l < flips.length; l++) {
            flips[l] = NestedFlips.positions(ErrorKeys.layer(key, l), weightsPerLayer[l], berPerLayer[l]);
        }
        return flips;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightErrors e && e.resampling == resampling && Arrays.equals(e.berPerLayer, berPerLayer);
    }

    @Override
    public int hashCode() {
        return 31 * resampling.hashCode() + Arrays.hashCode(berPerLayer);
    }

    @Override
    public String toString() {
        return "WeightErrors[" + resampling + ", ber " + Arrays.toString(berPerLayer) + "]";
    }
}
