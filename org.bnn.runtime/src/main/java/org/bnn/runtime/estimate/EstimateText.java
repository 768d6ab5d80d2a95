package org.bnn.runtime.estimate;

import java.util.Locale;

import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

/** Plain-text rendering of estimates, shared by the CLI and the generated simulations. */
public final class EstimateText {
    private EstimateText() {
    }

    /** A per-layer table of tile usage followed by the total and the chip's utilization. */
    public static String tileTable(MappingEstimate estimate) {
        MappingSpec mapping = estimate.mapping();
        TileSpec tile = mapping.chip().tile();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "mapping %s: network %s on chip %s (%d tiles of %s, %d rows x %d columns %s)%n",
                mapping.name(), mapping.network().name(), mapping.chip().name(), mapping.chip().tileCount(),
                tile.name(), tile.rows(), tile.columns(), tile.cellKind().label()));
        text.append(String.format(Locale.ROOT, "  %-12s %8s %8s %10s %8s%n", "layer", "fan-in", "fan-out", "positions", "tiles"));
        for (LayerEstimate layer : estimate.layers()) {
            text.append(String.format(Locale.ROOT, "  %-12s %8d %8d %10d %8d%n", layer.name(), layer.geometry().fanIn(),
                    layer.geometry().fanOut(), layer.geometry().positions(), layer.tiles()));
        }
        text.append(String.format(Locale.ROOT, "tiles: %d of %d (%.1f %%)%s%n", estimate.tilesNeeded(),
                estimate.tilesAvailable(), 100.0 * estimate.tilesNeeded() / estimate.tilesAvailable(),
                estimate.fits() ? "" : " -- DOES NOT FIT"));
        return text.toString();
    }
}
