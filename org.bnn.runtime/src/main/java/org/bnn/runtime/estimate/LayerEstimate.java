package org.bnn.runtime.estimate;

import java.util.Optional;

import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.TileRange;

/**
 * How one layer folds onto tiles (none for pooling) and what one inference through it costs: its fan-in
 * is cut into {@code columnChunks} slices of at most one tile's columns, its neurons into
 * {@code rowChunks} groups of at most one tile's rows, and the whole is copied
 * {@code replication} times to evaluate positions in parallel.
 *
 * @param cycles clock cycles of the layer: row reads of its busiest tile plus the adder tree
 * @param energy energy of one inference through the layer
 * @param range  the physical tiles the mapping's placement gives the layer (empty for pooling, or for a layer estimated alone)
 */
public record LayerEstimate(LayerGeometry geometry, long columnChunks, long rowChunks, int replication, EventCounts events,
        long cycles, Energy energy, Optional<TileRange> range) {

    /** Tiles the layer needs: one block of weights per tile, for all its copies. */
    public long tiles() {
        return columnChunks * rowChunks * replication;
    }

    /** The same estimate, placed on {@code tiles}. */
    LayerEstimate placedOn(TileRange tiles) {
        return new LayerEstimate(geometry, columnChunks, rowChunks, replication, events, cycles, energy, Optional.of(tiles));
    }

    /**
     * Tiles set aside for the layer: its range when it is larger than the layer needs (the spare
     * tiles count as occupied), else the tiles it needs.
     */
    public long tilesOccupied() {
        return Math.max(tiles(), range.map(TileRange::count).orElse(0));
    }

    /**
     * Share of the occupied cells that hold weights, in [0, 1], spare tiles of the range included;
     * NaN for a layer without tiles (pooling).
     */
    public double utilization(long cellsPerTile) {
        return tiles() == 0 ? Double.NaN : (double) geometry.weights() * replication / (tilesOccupied() * cellsPerTile);
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
