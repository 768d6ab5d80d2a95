package org.bnn.train.model;

/** Packing of ±1 floats into bits (bit 1 = +1, {@link org.bnn.runtime.engine.PackedBits} order). */
final class Signs {
    private Signs() {
    }

    /**
     * Packs values[from .. from + n) (each +1 or −1) into words target[to ..], padding bits 0. Reads
     * the float's sign bit instead of branching: signs of a binary network are close to random, so a
     * branch would be mispredicted about half the time.
     */
    static void pack(float[] values, int from, int n, long[] target, int to) {
        for (int w = 0; w * 64 < n; w++) {
            int end = Math.min(64, n - w * 64);
            long word = 0;
            for (int i = 0; i < end; i++) {
                word |= (long) (~Float.floatToRawIntBits(values[from + w * 64 + i]) >>> 31) << i;
            }
            target[to + w] = word;
        }
    }
}
