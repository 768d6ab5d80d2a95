package org.bnn.runtime.estimate;

import org.bnn.runtime.spec.LayerSpec;

/**
 * How one layer folds onto tiles: its fan-in is cut into {@code columnChunks} slices of at most
 * one tile's columns, its neurons into {@code rowChunks} groups of at most one tile's rows.
 */
public record LayerEstimate(LayerSpec layer, long columnChunks, long rowChunks) {
    /** Tiles the layer occupies: one per (column chunk, row chunk). */
    public long tiles() {
        return columnChunks * rowChunks;
    }
}
