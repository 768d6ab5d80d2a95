package org.bnn.runtime.estimate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

/**
 * Resource needs and per-inference costs of a whole mapping, layer by layer.
 *
 * @param programming   one-time cost of writing all weights under the mapping's regime, if known
 * @param reprogramming rewrites per inference when the network does not fit and the mapping allows
 *                      reprogramming; empty otherwise
 */
public record MappingEstimate(MappingSpec mapping, List<LayerEstimate> layers, Optional<ProgrammingCost> programming,
        Optional<Reprogramming> reprogramming) {
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

    /**
     * True if all weights sit on their tiles at once, without reprogramming: the network fits the
     * chip (automatic placement), or every range holds its layer and no two ranges overlap.
     */
    public boolean fits() {
        return tilesNeeded() <= Estimator.tilesHolding(mapping, layers);
    }

    /** Distinct tiles the placement's ranges cover (spare tiles inside a range included). */
    public long tilesPlaced() {
        return mapping.placement().tilesCovered();
    }

    /** Share of the chip's cells that hold weights, in [0, 1] (may exceed 1 if it does not fit). */
    public double chipUtilization() {
        return (double) storedWeights() / (tilesAvailable() * mapping.chip().tile().cells());
    }

    /**
     * Share of the cells of the placed tiles that hold weights: below the layers' own utilization
     * when ranges leave tiles spare; may exceed 1 when layers share tiles through reprogramming.
     */
    public double placedUtilization() {
        long placed = tilesPlaced();
        return placed == 0 ? Double.NaN : (double) storedWeights() / (placed * mapping.chip().tile().cells());
    }

    /**
     * Cells that hold the weights, every copy counted, whole code words per row (check bits) included:
     * the cells one programming writes, and an area proxy ({@link org.bnn.runtime.spec.TileSpec#cellsFor}).
     */
    public long cells() {
        return cellsHolding(mapping.chip().tile(), layers);
    }

    /** Devices in those cells ({@link org.bnn.runtime.spec.CellTechnology#devicesPerCell()} each). */
    public long devices() {
        return Math.multiplyExact(cells(), mapping.chip().tile().cell().devicesPerCell());
    }

    static long cellsHolding(TileSpec tile, List<LayerEstimate> layers) {
        return layers.stream().mapToLong(l -> Math.multiplyExact(tile.cellsFor(l.geometry()), l.replication())).sum();
    }

    /** Weights stored on the chip, every copy counted. */
    private long storedWeights() {
        return layers.stream().mapToLong(l -> l.geometry().weights() * l.replication()).sum();
    }

    /** Event counts of one inference, summed over layers. */
    public EventCounts events() {
        return layers.stream().map(LayerEstimate::events).reduce(EventCounts.NONE, EventCounts::plus);
    }

    /** Energy of one inference, summed over layers. */
    public Energy energy() {
        return layers.stream().map(LayerEstimate::energy).reduce(Energy.NONE, Energy::plus);
    }

    /** Clock cycles of one inference; layers run one after another. */
    public long cycles() {
        return layers.stream().mapToLong(LayerEstimate::cycles).sum();
    }

    /** Latency of one inference in seconds, if the chip's clock is given. */
    public OptionalDouble latencySeconds() {
        return mapping.chip().seconds(cycles());
    }

    /** Inferences per second of a chip that runs one inference at a time. */
    public OptionalDouble throughputPerSecond() {
        OptionalDouble latency = latencySeconds();
        return latency.isPresent() ? OptionalDouble.of(1.0 / latency.getAsDouble()) : OptionalDouble.empty();
    }

    /** Stored weights of the whole network. */
    public long weights() {
        return layers.stream().mapToLong(l -> l.geometry().weights()).sum();
    }
}
