package org.bnn.runtime.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.spec.MappingSpec;

/**
 * One design of an exploration: a value of every axis, resolved into a mapping and the experiment of one point
 * that measures its accuracy — or infeasible, with the reason (a combination the records reject, a network that
 * does not fit a chip that may not reprogram).
 *
 * @param index      the design's place among those visited
 * @param levels     the value index of every axis
 * @param labels     the value of every axis as reports show it
 * @param experiment the design's mapping with the exploration's inputs, errors, trials and seed, its one sweep
 *                   point the design's BER (an axis) or its regime; empty when infeasible
 * @param infeasible why the design cannot be built; empty when it can
 */
public record DesignPoint(int index, List<Integer> levels, List<String> labels, Optional<ExperimentSpec> experiment,
        Optional<String> infeasible) {
    public DesignPoint {
        levels = List.copyOf(levels);
        labels = List.copyOf(labels);
        if (experiment.isPresent() == infeasible.isPresent()) {
            throw new IllegalArgumentException("DesignPoint " + index + " is either resolved or infeasible, not both or neither");
        }
    }

    /** The design's mapping, if feasible. */
    public Optional<MappingSpec> mapping() {
        return experiment.map(ExperimentSpec::mapping);
    }

    /** "regime=nominal, tile=32 x 32": the design in one line. */
    public String describe(ExploreSpec spec) {
        List<String> parts = new ArrayList<>();
        for (int axis = 0; axis < labels.size(); axis++) {
            parts.add(spec.axes().get(axis).keyword() + "=" + labels.get(axis));
        }
        return parts.isEmpty() ? spec.mapping().name() : String.join(", ", parts);
    }

    static DesignPoint resolve(ExploreSpec spec, int index, int[] levels) {
        Design design = new Design(spec.mapping());
        List<Integer> levelList = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int axis = 0; axis < levels.length; axis++) {
            spec.axes().get(axis).apply(levels[axis], design);
            levelList.add(levels[axis]);
            labels.add(spec.axes().get(axis).label(levels[axis]));
        }
        try {
            MappingSpec mapping = design.mapping(spec.name() + "-" + (index + 1));
            MappingEstimate estimate = Estimator.estimate(mapping);
            if (!mapping.allowReprogramming() && !estimate.fits()) {
                return new DesignPoint(index, levelList, labels, Optional.empty(), Optional.of("needs " + estimate.tilesNeeded()
                        + " tiles, the chip has " + estimate.tilesAvailable() + " and may not reprogram"));
            }
            // The one sweep point: the BER an axis sets, else the regime's analytic rate; a design with neither is only
            // estimated (ExploreSpec rejects such an exploration when it asks for accuracy), its experiment error-free.
            SweepSpec point = design.ber().isPresent() || mapping.regime().isEmpty()
                    ? new SweepSpec.Ber(List.of(design.ber().orElse(0.0)))
                    : new SweepSpec.Regimes(List.of(mapping.regime().get()));
            return new DesignPoint(index, levelList, labels, Optional.of(new ExperimentSpec(mapping.name(), mapping, spec.inputs(),
                    spec.errors(), point, spec.trials(), spec.seed(), spec.weights(), Optional.empty())), Optional.empty());
        } catch (IllegalArgumentException e) {
            return new DesignPoint(index, levelList, labels, Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
