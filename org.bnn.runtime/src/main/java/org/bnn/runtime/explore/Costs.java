package org.bnn.runtime.explore;

import java.util.OptionalDouble;

import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.MappingSpec;

/**
 * What a design costs, from the {@link Estimator}: no simulation, so free to know for every design.
 *
 * @param energyJoules     energy per inference of the components whose unit energy is given
 * @param energyComplete   false when some component is not estimated: the energy is then a lower bound
 * @param latency          seconds per inference, or clock cycles on a chip without a clock
 * @param programmingJoules one-time programming energy, if the regime is known
 * @param lifetime         programmings the devices endure, if the regime is known
 */
public record Costs(long tiles, long cells, long devices, double energyJoules, boolean energyComplete, double latency,
        boolean latencyInSeconds, OptionalDouble programmingJoules, OptionalDouble lifetime) {

    /** The costs of {@code mapping}. */
    public static Costs of(MappingSpec mapping) {
        MappingEstimate estimate = Estimator.estimate(mapping);
        OptionalDouble seconds = estimate.latencySeconds();
        return new Costs(estimate.tilesNeeded(), estimate.cells(), estimate.devices(), estimate.energy().totalJoules(),
                estimate.energy().complete(), seconds.orElse(estimate.cycles()), seconds.isPresent(),
                estimate.programming().map(p -> OptionalDouble.of(p.energyJoules())).orElse(OptionalDouble.empty()),
                estimate.programming().map(p -> OptionalDouble.of(1.0 / p.enduranceFraction())).orElse(OptionalDouble.empty()));
    }

    /** The value of a cost objective; empty for accuracy (simulated) or a cost the description does not give. */
    public OptionalDouble of(Objective objective) {
        return switch (objective) {
            case ACCURACY -> OptionalDouble.empty();
            case ENERGY -> OptionalDouble.of(energyJoules);
            case LATENCY -> OptionalDouble.of(latency);
            case TILES -> OptionalDouble.of(tiles);
            case PROGRAMMING -> programmingJoules;
            case LIFETIME -> lifetime;
        };
    }
}
