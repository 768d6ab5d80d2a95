package org.bnn.runtime.estimate;

import java.util.List;

import org.bnn.runtime.spec.MappingSpec;

/** Resource needs of a whole mapping, layer by layer. */
public record MappingEstimate(MappingSpec mapping, List<LayerEstimate> layers) {
    public MappingEstimate {
        layers = List.copyOf(layers);
    }

    /** Tiles needed to hold every layer's weights at once. */
    public long tilesNeeded() {
        return layers.stream().mapToLong(LayerEstimate::tiles).sum();
    }

    /** Tiles the chip has. */
    public long tilesAvailable() {
        return mapping.chip().tileCount();
    }

    /** True if all weights fit on the chip without reprogramming. */
    public boolean fits() {
        return tilesNeeded() <= tilesAvailable();
    }
}
