package org.bnn.runtime.engine;

/**
 * Counter-based random numbers: every value is a pure function of a key and an index, so results
 * depend neither on call order nor on the number of threads. The mixing function is SplitMix64's
 * finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
 */
public final class KeyedRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private KeyedRandom() {
    }

    /** SplitMix64's finaliser: a bijection on 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Derives a sub-key from a key and a stream index (e.g. seed → layer). */
    public static long key(long key, long stream) {
        return mix(key + GOLDEN_GAMMA * (stream + 1));
    }

    /** The index-th 64 random bits of the stream {@code key}. */
    public static long bits(long key, long index) {
        return mix(mix(key) + GOLDEN_GAMMA * (index + 1));
    }
}
