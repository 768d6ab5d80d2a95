package org.bnn.runtime.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bnn.runtime.experiment.ExperimentRunner;

/**
 * Runs an exploration's tasks on {@code threads} threads of this process, one task per thread at a time
 * (each task runs single-threaded). Results are collected in task order, so they do not depend on the
 * number of threads.
 */
public final class InProcessExecutor implements ExploreExecutor {
    private final int threads;

    /** @param threads worker threads (≥ 1); results do not depend on it */
    public InProcessExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** As many threads as this machine has processors. */
    public static InProcessExecutor allCores() {
        return new InProcessExecutor(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public List<ShardResult> execute(ExplorationJob job, List<SimulationTask> tasks, ExperimentRunner.Progress progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), work -> {
            Thread thread = new Thread(work, "bnn-explore-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ShardResult>> pending = new ArrayList<>();
            for (SimulationTask task : tasks) {
                pending.add(pool.submit(() -> job.run(task)));
            }
            List<ShardResult> results = new ArrayList<>();
            for (Future<ShardResult> result : pending) {
                results.add(result.get());
                progress.step(results.size(), tasks.size(), "simulations");
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // the user's data or weights, as a sequential run would report them
            }
            throw new IllegalStateException("exploration task failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exploration interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
