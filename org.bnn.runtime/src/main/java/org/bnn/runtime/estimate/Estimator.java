package org.bnn.runtime.estimate;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

/**
 * The one place where resource needs and event counts are computed. The validator, the IDE, the
 * CLI and the simulator's ledger all use this class, so no second formula can drift away from it.
 */
public final class Estimator {
    private Estimator() {
    }

    /** Estimates every layer with weights of the mapped network on the chip's tile. */
    public static MappingEstimate estimate(MappingSpec mapping) {
        List<LayerEstimate> layers = new ArrayList<>();
        for (LayerGeometry layer : mapping.network().weightLayers()) {
            layers.add(estimate(layer, mapping.chip().tile(), 1));
        }
        return new MappingEstimate(mapping, layers);
    }

    /**
     * Folds a layer with weights onto tiles: a fan-in N on C columns takes ceil(N/C) column chunks
     * and M neurons on R rows take ceil(M/R) row chunks; then counts one inference's events.
     */
    public static LayerEstimate estimate(LayerGeometry layer, TileSpec tile, int replication) {
        if (!layer.layer().hasWeights()) {
            throw new IllegalArgumentException("layer " + layer.layer().name() + " has no weights to map");
        }
        long n = layer.fanIn();
        long m = layer.fanOut();
        long columnChunks = ceilDiv(n, tile.columns());
        long rowChunks = ceilDiv(m, tile.rows());
        long reads = layer.positions() * layer.planes(); // row reads per neuron per inference
        long senses = n * m * reads;
        long additions = m * layer.positions() * (columnChunks * layer.planes() - 1);
        boolean output = layer.layer() instanceof LayerSpec.Output;
        long compares = output ? m : m * layer.positions();
        long bitsWritten = output ? 0 : m * layer.positions();
        long bitsRead = n * rowChunks * reads;
        long busiestTileRows = Math.min(tile.rows(), m);
        long rowCycles = m * columnChunks * reads; // every tile reads each of its rows once per position and plane
        long cycles = busiestTileRows * ceilDiv(layer.positions(), replication) * layer.planes() * tile.rowCycleClocks()
                + adderTreeStages(columnChunks * layer.planes());
        EventCounts events = new EventCounts(senses, senses, additions, compares, 0, bitsWritten + bitsRead, rowCycles);
        return new LayerEstimate(layer, columnChunks, rowChunks, replication, events, cycles);
    }

    /** Depth of a binary adder tree merging {@code inputs} partial sums (0 for one input). */
    static long adderTreeStages(long inputs) {
        return inputs <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(inputs - 1);
    }

    private static long ceilDiv(long numerator, long denominator) {
        return (numerator + denominator - 1) / denominator;
    }
}
