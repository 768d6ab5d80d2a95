package org.bnn.train.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed pool of worker threads that runs numbered tasks. Work is always cut into the same tasks,
 * whatever the number of threads, and every task writes only its own part of the result, so results
 * do not depend on how many threads there are or which one runs which task.
 */
public final class Workers implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /** {@code threads} ≥ 1; with 1 everything runs on the calling thread. */
    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bnn-train-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    public int threads() {
        return threads;
    }

    /** Runs task(0) .. task(count − 1), in parallel when there are threads, and waits for all. */
    public void run(int count, IntConsumer task) {
        if (pool == null || count <= 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            int index = t;
            futures.add(pool.submit(() -> task.accept(index)));
        }
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for workers", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs {@code body(from, to)} over [0, n) cut into fixed chunks of {@code chunk} indices. */
    public void forChunks(int n, int chunk, RangeTask body) {
        int count = (n + chunk - 1) / chunk;
        run(count, t -> body.run(t * chunk, Math.min(n, (t + 1) * chunk)));
    }

    /** A task over an index range [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
