package org.bnn.runtime.explore;

import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.random.KeyedRandom;

/**
 * The seed each simulation task runs with, derived by index from the exploration's seed (never by the order
 * tasks run in): chip c of every design is the same chip instance (common random numbers, as across an
 * experiment's sweep). Per-chip errors depend on the chip alone, so every shard of a chip sees the same chip;
 * per-inference and per-read errors are keyed by the shard too, so no two inputs share their draws.
 */
public final class TaskSeeds {
    private TaskSeeds() {
    }

    /** The seed of chip {@code chip}: what one trial of an experiment seeded so runs as trial 0. */
    public static long chip(long seed, int chip) {
        return KeyedRandom.key(seed, chip);
    }

    /** The seed of {@code task} in an exploration seeded {@code seed} whose errors are resampled as given. */
    public static long of(long seed, Resampling resampling, SimulationTask task) {
        long chip = chip(seed, task.chip());
        return resampling == Resampling.PER_CHIP ? chip : KeyedRandom.key(chip, task.shard());
    }
}
