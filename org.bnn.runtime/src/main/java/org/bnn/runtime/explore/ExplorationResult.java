package org.bnn.runtime.explore;

import java.util.List;

/**
 * The outcome of an exploration: every design visited, in order, and what reproduces the run.
 *
 * @param designs     one result per design visited
 * @param simulations simulations run (designs that behave alike share one); 0 for a cost-only exploration
 * @param inputs      inputs every simulation ran on; 0 if none ran
 * @param labelled    true if the accuracy is against labels, false if it is the agreement with the error-free chip
 * @param chipSeeds   the seed of each chip ({@link TaskSeeds#chip}), the same for every design
 */
public record ExplorationResult(ExploreSpec spec, List<DesignResult> designs, int simulations, int inputs, boolean labelled,
        List<Long> chipSeeds) {
    public ExplorationResult {
        designs = List.copyOf(designs);
        chipSeeds = List.copyOf(chipSeeds);
    }

    /** The designs on the Pareto front, in order. */
    public List<DesignResult> front() {
        return designs.stream().filter(DesignResult::front).toList();
    }
}
