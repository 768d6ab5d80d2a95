package org.bnn.runtime.simulation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;

/**
 * Runs a batch of inputs through a network for several trials (chip instances) under weight
 * errors, in parallel. Work is cut into fixed (trial, block of inputs) tasks and every error
 * pattern is keyed by index, so the predictions are bit-identical for any number of threads.
 */
public final class Simulation {
    /** Inputs per task: large enough to amortise a task, small enough to balance two cores. */
    private static final int BLOCK = 64;

    private final int threads;

    /** @param threads worker threads (≥ 1) */
    public Simulation(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Predictions [trial][input] of {@code trials} chip instances under {@code errors}. */
    public int[][] predict(BinaryNetwork network, long[][] inputs, WeightErrors errors, int trials, long seed) {
        if (errors.layers() != network.layerCount()) {
            throw new IllegalArgumentException("errors are given for " + errors.layers() + " layers, the network has "
                    + network.layerCount());
        }
        long[] weightsPerLayer = weightsPerLayer(network);
        BinaryNetwork[] chips = new BinaryNetwork[trials];
        int[][] predictions = new int[trials][inputs.length];
        int blocks = (inputs.length + BLOCK - 1) / BLOCK;
        run(IntStream.range(0, trials), trial -> chips[trial] = errors.resampling() == Resampling.PER_CHIP && !errors.isNone()
                ? network.withWeightFlips(errors.flips(ErrorKeys.chip(seed, trial), weightsPerLayer))
                : network);
        run(IntStream.range(0, trials * blocks), task -> {
            int trial = task / blocks;
            int from = (task % blocks) * BLOCK;
            int to = Math.min(inputs.length, from + BLOCK);
            BinaryNetwork.Scratch scratch = chips[trial].newScratch();
            for (int n = from; n < to; n++) {
                predictions[trial][n] = errors.resampling() == Resampling.PER_INFERENCE && !errors.isNone()
                        ? scratch.predictWithFlips(inputs[n], errors.flips(ErrorKeys.inference(seed, trial, n), weightsPerLayer))
                        : scratch.predict(inputs[n]);
            }
        });
        return predictions;
    }

    /** Number of stored weights of every layer, the positions error patterns index. */
    public static long[] weightsPerLayer(BinaryNetwork network) {
        long[] sizes = new long[network.layerCount()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = network.weights(l).size();
        }
        return sizes;
    }

    private void run(IntStream tasks, java.util.function.IntConsumer body) {
        if (threads == 1) {
            tasks.forEach(body);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> tasks.parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
