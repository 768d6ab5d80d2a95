package org.bnn.runtime.simulation;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.CleanRun;
import org.bnn.runtime.errors.WeightErrors;

/**
 * Runs a batch of inputs through a network for several trials (chip instances) under weight
 * errors, in parallel. Work is cut into fixed (trial, block of inputs) tasks and every error
 * pattern is keyed by index, so the predictions are bit-identical for any number of threads.
 * <p>
 * Scheduling (it changes no result): the calling thread and {@code threads − 1} helper threads take
 * tasks in order from one counter. With per-chip errors the first tasks build the chips (each is a
 * pure function of seed and trial, and whichever thread first needs one builds it), so building the
 * chips overlaps and balances with the inferences instead of being a separate step. Each thread
 * keeps its {@link BinaryNetwork.Scratch} while the chip stays the same (for the whole run in the
 * other modes, whose private weight copies are then made once per thread rather than once per
 * task). Clean and per-chip
 * inferences go through {@link BinaryNetwork.Scratch#predictAll}, which runs dense layers on
 * several inputs at once. An error-free run of a dense network is kept ({@link CleanRun}, a few
 * hundred bytes per input) and a later per-chip run of the same network and inputs (the other
 * points of a BER sweep) starts from it where few neurons have a flipped weight
 * ({@link BinaryNetwork.Scratch#predictAllFrom}): the same predictions, with only what the flips can
 * change recomputed.
 */
public final class Simulation {
    /** Inputs per task: large enough to amortise a task, small enough to balance two cores. */
    private static final int BLOCK = 64;

    private final int threads;
    /**
     * The last error-free run of a network that supports it: per-chip runs of the same network on the
     * same inputs (a sweep's other points) start from it. One at a time, replaced by the next.
     */
    private volatile CleanRun lastCleanRun;

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
        boolean perChip = patterns.isPerChip() && !clean;
        int[][] predictions = new int[trials][inputs.length];
        boolean[][] tied = new boolean[trials][inputs.length];
        int blocks = (inputs.length + BLOCK - 1) / BLOCK;
        // Without errors every trial is the same chip: infer once and copy (a sweep's BER-0 point).
        int inferredTrials = clean ? Math.min(1, trials) : trials;
        Chips chips = new Chips(network, patterns, perChip, trials, seed);
        // An error-free run is kept for the chips of later runs; those start from it if it is of this network and inputs.
        CleanRun recording = clean && inferredTrials > 0 && network.supportsCleanRuns() ? new CleanRun(network, inputs) : null;
        CleanRun kept = lastCleanRun;
        CleanRun startFrom = perChip && kept != null && kept.isOf(network, inputs) ? kept : null;
        // Tasks 0 .. chipTasks−1 build chips, then the (trial, block) inference tasks, trial-major.
        int chipTasks = perChip ? trials : 0;
        int tasks = chipTasks + inferredTrials * blocks;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            BinaryNetwork chip = null;
            BinaryNetwork.Scratch scratch = null;
            for (int task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
                if (task < chipTasks) {
                    chips.get(task);
                    continue;
                }
                int trial = (task - chipTasks) / blocks;
                int from = ((task - chipTasks) % blocks) * BLOCK;
                int to = Math.min(inputs.length, from + BLOCK);
                if (chips.get(trial) != chip) { // tasks are trial-major: a new scratch at most once per trial
                    chip = chips.get(trial);
                    scratch = chip.newScratch();
                }
                if (startFrom != null && chip.worthStartingFrom(startFrom)) {
                    scratch.predictAllFrom(startFrom, inputs, from, to, predictions[trial], tied[trial]);
                    continue;
                }
                if (clean || patterns.isPerChip()) {
                    scratch.predictAll(inputs, from, to, predictions[trial], tied[trial], recording);
                    continue;
                }
                for (int n = from; n < to; n++) {
                    if (patterns.isPerRead()) {
                        predictions[trial][n] = scratch.predictWithReadFlips(inputs[n], patterns.reads(network, seed, trial, n));
                    } else if (patterns.isPopcountDomain()) {
                        predictions[trial][n] = scratch.predictWithCountErrors(inputs[n], patterns.inference(network, seed, trial, n),
                                patterns.counts(network, seed, trial, n));
                    } else {
                        predictions[trial][n] = scratch.predictWithFlips(inputs[n], patterns.inference(network, seed, trial, n));
                    }
                    tied[trial][n] = scratch.lastSharingMaximum() > 1;
                }
            }
        };
        runOnThreads(worker, next, tasks);
        if (recording != null) {
            lastCleanRun = recording;
        }
        for (int trial = inferredTrials; trial < trials; trial++) {
            predictions[trial] = predictions[0].clone();
            tied[trial] = tied[0].clone();
        }
        return new SimulationResult(predictions, tied);
    }

    /**
     * Number of stored bits of every layer with weights, the positions error patterns index: its
     * weights, or for ternary weights their two plane bits each ({@link org.bnn.runtime.engine.TernaryPlanes}).
     */
    public static long[] weightsPerLayer(BinaryNetwork network) {
        long[] sizes = new long[network.weightLayerCount()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = network.weights(l).size();
        }
        return sizes;
    }

    /** Runs {@code worker} on the calling thread and threads − 1 helpers; the first failure stops the others. */
    private void runOnThreads(Runnable worker, AtomicInteger next, int tasks) {
        if (threads == 1 || tasks <= 1) {
            worker.run();
            return;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable guarded = () -> {
            try {
                worker.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                next.set(tasks); // the others stop after their current task
            }
        };
        Thread[] helpers = new Thread[Math.min(threads, tasks) - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(guarded, "bnn-simulation-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        guarded.run();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            next.set(tasks);
            for (Thread helper : helpers) {
                helper.interrupt();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        }
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException("simulation failed: " + e, e);
        }
    }

    /** The network of every trial: with per-chip errors built on first use, by whichever thread needs it first. */
    private static final class Chips {
        private final BinaryNetwork network;
        private final ErrorPatterns patterns;
        private final boolean perChip;
        private final long seed;
        private final BinaryNetwork[] built;
        private final Object[] locks;

        Chips(BinaryNetwork network, ErrorPatterns patterns, boolean perChip, int trials, long seed) {
            this.network = network;
            this.patterns = patterns;
            this.perChip = perChip;
            this.seed = seed;
            this.built = new BinaryNetwork[trials];
            this.locks = new Object[trials];
            for (int t = 0; t < trials; t++) {
                locks[t] = new Object();
            }
        }

        BinaryNetwork get(int trial) {
            if (!perChip) {
                return network;
            }
            synchronized (locks[trial]) {
                if (built[trial] == null) {
                    built[trial] = network.withWeightFlips(patterns.chip(network, seed, trial));
                }
                return built[trial];
            }
        }
    }
}
