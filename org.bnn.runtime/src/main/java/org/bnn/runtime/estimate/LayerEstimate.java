package org.bnn.runtime.estimate;

import org.bnn.runtime.spec.LayerGeometry;

/**
 * How one layer folds onto tiles (none for pooling) and what one inference through it costs: its fan-in
 * is cut into {@code columnChunks} slices of at most one tile's columns, its neurons into
 * {@code rowChunks} groups of at most one tile's rows, and the whole is copied
 * {@code replication} times to evaluate positions in parallel.
 *
 * @param cycles clock cycles of the layer: row reads of its busiest tile plus the adder tree
 * @param energy energy of one inference through the layer
 */
public record LayerEstimate(LayerGeometry geometry, long columnChunks, long rowChunks, int replication, EventCounts events,
        long cycles, Energy energy) {

    /** Tiles the layer occupies. */
    public long tiles() {
        return columnChunks * rowChunks * replication;
    }

    /** Share of the occupied cells that hold weights, in [0, 1]; NaN for a layer without tiles (pooling). */
    public double utilization(long cellsPerTile) {
        return tiles() == 0 ? Double.NaN : (double) geometry.weights() * replication / (tiles() * cellsPerTile);
    }

    /** True for layers stored in the array (not pooling). */
    public boolean hasTiles() {
        return tiles() > 0;
    }

    /** Name of the layer. */
    public String name() {
        return geometry.layer().name();
    }
}
