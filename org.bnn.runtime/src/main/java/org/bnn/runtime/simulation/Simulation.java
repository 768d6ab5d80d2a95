package org.bnn.runtime.simulation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.bnn.runtime.engine.BinaryNetwork;
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

    /** Predictions [trial][input] of {@code trials} chip instances under {@code errors}, on encoded inputs. */
    public int[][] predict(BinaryNetwork network, long[][] inputs, WeightErrors errors, int trials, long seed) {
        return run(network, inputs, ErrorPatterns.of(errors), trials, seed).predictions();
    }

    /** Predictions and ties [trial][input] of {@code trials} chip instances under {@code patterns}, on encoded inputs. */
    public SimulationResult run(BinaryNetwork network, long[][] inputs, ErrorPatterns patterns, int trials, long seed) {
        if (patterns.errors().layers() != network.weightLayerCount()) {
            throw new IllegalArgumentException("errors are given for " + patterns.errors().layers() + " layers, the network has "
                    + network.weightLayerCount() + " layers with weights");
        }
        boolean clean = patterns.isNone();
        BinaryNetwork[] chips = new BinaryNetwork[trials];
        int[][] predictions = new int[trials][inputs.length];
        boolean[][] tied = new boolean[trials][inputs.length];
        int blocks = (inputs.length + BLOCK - 1) / BLOCK;
        run(IntStream.range(0, trials), trial -> chips[trial] = patterns.isPerChip() && !clean
                ? network.withWeightFlips(patterns.chip(network, seed, trial))
                : network);
        run(IntStream.range(0, trials * blocks), task -> {
            int trial = task / blocks;
            int from = (task % blocks) * BLOCK;
            int to = Math.min(inputs.length, from + BLOCK);
            BinaryNetwork.Scratch scratch = chips[trial].newScratch();
            for (int n = from; n < to; n++) {
                if (clean || patterns.isPerChip()) {
                    predictions[trial][n] = scratch.predict(inputs[n]);
                } else if (patterns.isPerRead()) {
                    predictions[trial][n] = scratch.predictWithReadFlips(inputs[n], patterns.reads(network, seed, trial, n));
                } else {
                    predictions[trial][n] = scratch.predictWithFlips(inputs[n], patterns.inference(network, seed, trial, n));
                }
                tied[trial][n] = scratch.lastSharingMaximum() > 1;
            }
        });
        return new SimulationResult(predictions, tied);
    }

    /** Number of stored weights of every layer with weights, the positions error patterns index. */
    public static long[] weightsPerLayer(BinaryNetwork network) {
        long[] sizes = new long[network.weightLayerCount()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = network.weights(l).size();
        }
        return sizes;
    }

    private void run(IntStream tasks, IntConsumer body) {
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
