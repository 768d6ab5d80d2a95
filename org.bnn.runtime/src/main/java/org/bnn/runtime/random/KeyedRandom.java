package org.bnn.runtime.random;

/**
 * Counter-based random numbers: every value is a pure function of a key and an index, so results
 * depend neither on call order nor on the number of threads. Keys are derived by index
 * ({@code key(seed, trial)}, then {@code key(that, layer)}, ...), never by call order.
 * The mixing function is SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014).
 */
public final class KeyedRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private KeyedRandom() {
    }

    /** SplitMix64's finaliser: a bijection on 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Derives a sub-key from a key and a stream index (e.g. seed → trial → layer). */
    public static long key(long key, long stream) {
        return mix(key + GOLDEN_GAMMA * (stream + 1));
    }

    /** The index-th 64 random bits of the stream {@code key}. */
    public static long bits(long key, long index) {
        return bitsAt(stream(key), index);
    }

    /**
     * The stream {@code key} prepared for many draws: {@code bitsAt(stream(key), i) == bits(key, i)}
     * with one mixing step per draw instead of two.
     */
    public static long stream(long key) {
        return mix(key);
    }

    /** The index-th 64 random bits of a stream prepared by {@link #stream(long)}. */
    public static long bitsAt(long stream, long index) {
        return mix(stream + GOLDEN_GAMMA * (index + 1));
    }

    /** The index-th uniform double of the stream, in [0, 1), with 53 random bits. */
    public static double uniform(long key, long index) {
        return (bits(key, index) >>> 11) * DOUBLE_UNIT;
    }

    /**
     * The index-th standard normal value of the stream, by Box–Muller on the uniforms at
     * 2·index and 2·index+1 (one of the pair is used, so every index stands alone).
     */
    public static double gaussian(long key, long index) {
        double u1 = 1.0 - uniform(key, 2 * index); // in (0, 1], so the log is finite
        double u2 = uniform(key, 2 * index + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
