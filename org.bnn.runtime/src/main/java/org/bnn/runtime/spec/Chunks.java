package org.bnn.runtime.spec;

/**
 * The rounded-up division behind every folding: rows cut into column chunks, neurons into row
 * chunks, a row's weights into code words, positions over copies. The one place it is written.
 */
public final class Chunks {
    private Chunks() {
    }

    /**
     * ⌈numerator / denominator⌉: the chunks of at most {@code denominator} items that
     * {@code numerator} items fill (0 for none). Written without {@code numerator + denominator − 1},
     * which could overflow.
     */
    public static long ceilDiv(long numerator, long denominator) {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("Chunks.ceilDiv needs a non-negative numerator and a positive denominator, got "
                    + numerator + " / " + denominator);
        }
        return numerator / denominator + (numerator % denominator == 0 ? 0 : 1);
    }
}
