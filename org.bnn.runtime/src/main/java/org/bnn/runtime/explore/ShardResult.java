package org.bnn.runtime.explore;

import java.io.Serializable;

/**
 * What one {@link SimulationTask} found: of its {@code inputs}, how many the chip predicted as labelled and how
 * many as the error-free chip did. Whole counts, so that summing them in any order gives the same result.
 *
 * @param correct predictions equal to the labels; 0 for unlabelled inputs
 */
public record ShardResult(SimulationTask task, int inputs, int correct, int agreeing) implements Serializable {
    public ShardResult {
        if (task == null || inputs < 1 || correct < 0 || correct > inputs || agreeing < 0 || agreeing > inputs) {
            throw new IllegalArgumentException("ShardResult counts must lie in [0, inputs], got " + correct + " and " + agreeing
                    + " of " + inputs);
        }
    }
}
