package org.bnn.cli.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.estimate.EnergyComponent;
import org.bnn.runtime.estimate.EventCounts;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.estimate.Reprogramming;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileRange;

/**
 * The machine-readable form of {@code bnn estimate --json}: the fully resolved mapping and every
 * number the estimator gives for it, in SI units (joules, seconds).
 */
public record EstimateReport(MappingSpec mapping, long tilesNeeded, long tilesAvailable, boolean fits, double chipUtilization,
        List<Layer> layers, EventCounts events, Map<EnergyComponent, Double> energyJoules, double energyJoulesTotal,
        Set<EnergyComponent> energyNotEstimated, long cycles, Double latencySeconds, Double inferencesPerSecond,
        ProgrammingCost programming, Reprogramming reprogrammingPerInference) {

    /** One layer; pooling layers have no tiles, no utilization and no placement. */
    public record Layer(String name, int fanIn, int fanOut, long positions, int planes, long tiles, TileRange placedOn,
            Double utilization, int replication, EventCounts events, Map<EnergyComponent, Double> energyJoules, long cycles) {
    }

    public static EstimateReport of(MappingEstimate estimate) {
        long cells = estimate.mapping().chip().tile().cells();
        List<Layer> layers = estimate.layers().stream().map(l -> layer(l, cells)).toList();
        var energy = estimate.energy();
        return new EstimateReport(estimate.mapping(), estimate.tilesNeeded(), estimate.tilesAvailable(), estimate.fits(),
                estimate.chipUtilization(), layers, estimate.events(), energy.joules(), energy.totalJoules(), energy.missing(),
                estimate.cycles(), boxed(estimate.latencySeconds()), boxed(estimate.throughputPerSecond()),
                estimate.programming().orElse(null), estimate.reprogramming().orElse(null));
    }

    private static Layer layer(LayerEstimate layer, long cells) {
        var g = layer.geometry();
        return new Layer(layer.name(), g.fanIn(), g.fanOut(), g.positions(), g.planes(), layer.tiles(), layer.range().orElse(null),
                layer.hasTiles() ? layer.utilization(cells) : null,
                layer.replication(), layer.events(), layer.energy().joules(), layer.cycles());
    }

    private static Double boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
