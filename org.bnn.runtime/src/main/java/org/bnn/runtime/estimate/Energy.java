package org.bnn.runtime.estimate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Energy by component, in joules. Components whose unit energy the description does not give
 * are listed in {@link #missing()} instead of counting as zero.
 */
public record Energy(Map<EnergyComponent, Double> joules, Set<EnergyComponent> missing) {
    public static final Energy NONE = new Energy(Map.of(), Set.of());

    public Energy {
        joules = Collections.unmodifiableMap(joules.isEmpty() ? new EnumMap<>(EnergyComponent.class) : new EnumMap<>(joules));
        missing = Collections.unmodifiableSet(missing.isEmpty() ? EnumSet.noneOf(EnergyComponent.class) : EnumSet.copyOf(missing));
    }

    /** Sum of the known components, in joules. */
    public double totalJoules() {
        return joules.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** True if every component with events has a unit energy. */
    public boolean complete() {
        return missing.isEmpty();
    }

    public Energy plus(Energy other) {
        Map<EnergyComponent, Double> sum = new EnumMap<>(EnergyComponent.class);
        sum.putAll(joules);
        other.joules.forEach((component, value) -> sum.merge(component, value, Double::sum));
        Set<EnergyComponent> unknown = EnumSet.noneOf(EnergyComponent.class);
        unknown.addAll(missing);
        unknown.addAll(other.missing);
        return new Energy(sum, unknown);
    }
}
