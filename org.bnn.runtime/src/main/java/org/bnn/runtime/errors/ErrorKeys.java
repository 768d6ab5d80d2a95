package org.bnn.runtime.errors;

import org.bnn.runtime.random.KeyedRandom;

/**
 * Keys of error patterns, derived by index from (seed, trial, input, layer) so that every pattern
 * is the same whatever the order or thread in which it is drawn. BER sweep points share keys on
 * purpose: with {@link NestedFlips} that gives common random numbers across the sweep.
 */
public final class ErrorKeys {
    private static final long WEIGHT_ERRORS = 0x5745494748544552L;
    private static final long STATIC = -1;

    private ErrorKeys() {
    }

    /** Key of the static errors of chip instance {@code trial}. */
    public static long chip(long seed, int trial) {
        return KeyedRandom.key(KeyedRandom.key(KeyedRandom.key(seed, WEIGHT_ERRORS), trial), STATIC);
    }

    /** Key of the errors of one inference of input {@code input} in trial {@code trial}. */
    public static long inference(long seed, int trial, long input) {
        return KeyedRandom.key(KeyedRandom.key(KeyedRandom.key(seed, WEIGHT_ERRORS), trial), input);
    }

    /** Key of one layer's pattern under a chip or inference key. */
    public static long layer(long key, int layer) {
        return KeyedRandom.key(key, layer);
    }
}
