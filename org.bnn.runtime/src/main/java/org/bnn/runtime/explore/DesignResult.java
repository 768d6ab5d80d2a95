package org.bnn.runtime.explore;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.bnn.runtime.experiment.TrialStatistics;

/**
 * One design explored: its costs, its accuracy over the chips when simulated, the constraints it does not
 * meet, and whether it is on the Pareto front.
 *
 * @param costs      empty when the design is infeasible
 * @param accuracy   per chip, accuracy on labelled inputs (agreement with the error-free chip on random ones);
 *                   empty when not simulated
 * @param simulation the index of the simulation the design shares ({@link ExplorationJob#simulations()}), if simulated
 * @param unmet      constraints not met, as written; a design that fails a cost constraint is not simulated
 * @param front      true if admissible and no admissible design is at least as good in every objective and better in one
 */
public record DesignResult(DesignPoint point, Optional<Costs> costs, Optional<TrialStatistics> accuracy, OptionalInt simulation,
        List<String> unmet, boolean front) {
    public DesignResult {
        unmet = List.copyOf(unmet);
    }

    /** Feasible, meets every constraint and has every objective's value: it competes for the front. */
    public boolean admissible(List<Objective> objectives) {
        return costs.isPresent() && unmet.isEmpty() && objectives.stream().allMatch(o -> value(o).isPresent());
    }

    /** The design's value of {@code objective}, if known. */
    public OptionalDouble value(Objective objective) {
        if (objective == Objective.ACCURACY) {
            return accuracy.map(a -> OptionalDouble.of(a.mean())).orElse(OptionalDouble.empty());
        }
        return costs.map(c -> c.of(objective)).orElse(OptionalDouble.empty());
    }

    /** The same result, on the front or not. */
    DesignResult onFront(boolean onFront) {
        return new DesignResult(point, costs, accuracy, simulation, unmet, onFront);
    }
}
