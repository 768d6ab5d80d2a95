package org.bnn.runtime.estimate;

import java.util.List;

import org.bnn.runtime.spec.MappingSpec;

/** Resource needs and per-inference costs of a whole mapping, layer by layer. */
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

    /** Event counts of one inference, summed over layers. */
    public EventCounts events() {
        return layers.stream().map(LayerEstimate::events).reduce(EventCounts.NONE, EventCounts::plus);
    }

    /** Clock cycles of one inference; layers run one after another. */
    public long cycles() {
        return layers.stream().mapToLong(LayerEstimate::cycles).sum();
    }

    /** Stored weights of the whole network. */
    public long weights() {
        return layers.stream().mapToLong(l -> l.geometry().weights()).sum();
    }
}
