package org.bnn.runtime.explore;

import java.io.Serializable;

/**
 * One unit of simulation work: chip {@code chip} of simulation {@code simulation} (a set of designs that
 * behave alike, {@link ExplorationJob#simulations()}) on shard {@code shard} of the inputs. Its result is a
 * pure function of the job and these three numbers ({@link TaskSeeds}), so tasks may run in any order, on
 * any thread or machine, and again.
 */
public record SimulationTask(int simulation, int chip, int shard) implements Serializable {
    public SimulationTask {
        if (simulation < 0 || chip < 0 || shard < 0) {
            throw new IllegalArgumentException("SimulationTask indices are non-negative, got " + simulation + ", " + chip + ", " + shard);
        }
    }
}
