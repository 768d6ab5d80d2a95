package org.bnn.runtime.estimate;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

/**
 * The one place where resource needs are computed. The validator, the IDE, the CLI and the
 * generated simulations all ask this class, so no second formula can drift away from it.
 */
public final class Estimator {
    private Estimator() {
    }

    /**
     * Folds a layer onto tiles of {@code tile}'s size: a fan-in of N on C columns takes ceil(N/C)
     * column chunks and M neurons on R rows take ceil(M/R) row chunks.
     */
    public static LayerEstimate estimate(LayerSpec layer, TileSpec tile) {
        return new LayerEstimate(layer, ceilDiv(layer.fanIn(), tile.columns()), ceilDiv(layer.fanOut(), tile.rows()));
    }

    /** Estimates every layer of the mapped network on the chip's tile. */
    public static MappingEstimate estimate(MappingSpec mapping) {
        TileSpec tile = mapping.chip().tile();
        List<LayerEstimate> layers = new ArrayList<>();
        for (LayerSpec layer : mapping.network().layers()) {
            layers.add(estimate(layer, tile));
        }
        return new MappingEstimate(mapping, layers);
    }

    private static long ceilDiv(long numerator, long denominator) {
        return (numerator + denominator - 1) / denominator;
    }
}
