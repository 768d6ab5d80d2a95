package org.bnn.report.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.estimate.EnergyComponent;

/**
 * Energy of one inference by layer and component, in joules, in the network's layer order.
 *
 * @param notEstimated components with events but without a unit energy in the description: they
 *                     are shown as missing, not as zero
 */
public record EnergyBreakdown(List<LayerEnergy> layers, Set<EnergyComponent> notEstimated) {
    public EnergyBreakdown {
        Checks.present("EnergyBreakdown", "layers", layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("EnergyBreakdown.layers must not be empty");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerEnergy layer = Checks.present("EnergyBreakdown", "layers[" + i + "]", layers.get(i));
            if (!names.add(layer.layer())) {
                throw new IllegalArgumentException("EnergyBreakdown.layers has layer \"" + layer.layer() + "\" twice");
            }
        }
        layers = List.copyOf(layers);
        Checks.present("EnergyBreakdown", "notEstimated", notEstimated);
        notEstimated = Collections
                .unmodifiableSet(notEstimated.isEmpty() ? EnumSet.noneOf(EnergyComponent.class) : EnumSet.copyOf(notEstimated));
    }

    /**
     * One layer's energy per inference.
     *
     * @param joules energy by component, in joules; components without energy may be absent
     */
    public record LayerEnergy(String layer, Map<EnergyComponent, Double> joules) {
        public LayerEnergy {
            Checks.name("LayerEnergy", "layer", layer);
            Checks.present("LayerEnergy(" + layer + ")", "joules", joules);
            Map<EnergyComponent, Double> copy = new EnumMap<>(EnergyComponent.class);
            joules.forEach((component, value) -> {
                Checks.present("LayerEnergy(" + layer + ")", "joules key", component);
                Checks.present("LayerEnergy(" + layer + ")", "joules[" + component + "]", value);
                copy.put(component, Checks.nonNegativeFinite("LayerEnergy(" + layer + ")", "joules[" + component + "]", value));
            });
            joules = Collections.unmodifiableMap(copy);
        }

        /** Energy of a component, 0 if absent. */
        public double joules(EnergyComponent component) {
            return joules.getOrDefault(component, 0.0);
        }

        /** Sum over components, in joules. */
        public double totalJoules() {
            return joules.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** Components with energy in at least one layer, in the enum's order (a new, modifiable set). */
    public Set<EnergyComponent> components() {
        Set<EnergyComponent> used = EnumSet.noneOf(EnergyComponent.class);
        for (LayerEnergy layer : layers) {
            layer.joules().forEach((component, value) -> {
                if (value > 0) {
                    used.add(component);
                }
            });
        }
        return used;
    }

    /** Energy of one inference through all layers, in joules. */
    public double totalJoules() {
        return layers.stream().mapToDouble(LayerEnergy::totalJoules).sum();
    }

    /** The largest layer total, in joules (sets the plot's unit). */
    public double largestLayerJoules() {
        return layers.stream().mapToDouble(LayerEnergy::totalJoules).max().orElse(0);
    }
}
