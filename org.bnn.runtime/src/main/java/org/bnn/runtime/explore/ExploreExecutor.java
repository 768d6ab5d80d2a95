package org.bnn.runtime.explore;

import java.util.List;

import org.bnn.runtime.experiment.ExperimentRunner;

/**
 * Runs the simulation tasks of an exploration. Implementations decide where tasks run (threads of this
 * process: {@link InProcessExecutor}; other machines), never what they compute: every task's result is
 * {@link ExplorationJob#run(SimulationTask)}, so any executor gives the same results, and so the same report
 * bytes. An executor that holds resources (a cluster connection) releases them on {@link #close()}.
 */
public interface ExploreExecutor extends AutoCloseable {
    /**
     * Runs every task and returns their results in the order of {@code tasks}.
     *
     * @param progress told after each task, on the calling thread
     * @throws IllegalArgumentException         what a task threw on the user's input (data, weights), unwrapped
     * @throws org.bnn.runtime.data.DataException when the dataset cannot be read
     */
    List<ShardResult> execute(ExplorationJob job, List<SimulationTask> tasks, ExperimentRunner.Progress progress);

    /** Releases what the executor holds; nothing by default. */
    @Override
    default void close() {
    }
}
