package org.bnn.runtime.engine;

/** Shape checks for bit-packed weight matrices stored row by row. */
final class WeightRows {
    private WeightRows() {
    }

    static void check(long[] weights, int fanIn, int fanOut) {
        int wordsPerRow = PackedBits.words(fanIn);
        if (weights.length != (long) wordsPerRow * fanOut) {
            throw new IllegalArgumentException("weights must hold " + fanOut + " rows of " + wordsPerRow
                    + " words, got " + weights.length + " words");
        }
        int padding = wordsPerRow * Long.SIZE - fanIn;
        if (padding == 0) {
            return;
        }
        long paddingMask = -1L << (Long.SIZE - padding);
        for (int k = 0; k < fanOut; k++) {
            if ((weights[(k + 1) * wordsPerRow - 1] & paddingMask) != 0) {
                throw new IllegalArgumentException("weights row " + k + " has bits set past fanIn " + fanIn);
            }
        }
    }
}
