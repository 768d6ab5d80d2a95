package org.bnn.runtime.errors;

import java.util.Arrays;

import org.bnn.runtime.device.Pcsa;
import org.bnn.runtime.device.SenseAmpOffsets;

/**
 * The static reads of one ternary layer of one chip instance (docs/architecture.md §3, "Ternary
 * weights: the zero state"), reduced, as {@link LayerMargins} does for binary weights, to what its
 * reads need. A cell whose two devices are both above the zero threshold reads 0 at every sense
 * (no noise enters that decision); any other cell is read by the PCSA's sign comparison, Δ + m + n
 * &gt; 0 → +1, else −1, and is <i>fragile</i> if its static margin |Δ + m| is within the
 * {@link NoiseReach}. The engine stores weight (k, j) of fan-in N as two plane bits s, s' at
 * positions k·2N + j and k·2N + N + j (+1 = (1, 1), −1 = (0, 0), 0 = (1, 0): engine.TernaryPlanes),
 * so a misread is the plane bits that turn the stored encoding into the value read: a stored +1
 * read 0 inverts s', read −1 both; a stored −1 read 0 inverts s, read +1 both; a stored 0 read +1
 * inverts s', read −1 s.
 */
public final class TernaryLayerMargins implements LayerReads {
    /** Plane bits of a value: bit 0 is s, bit 1 is s'. */
    static final int PLUS = 0b11;
    static final int MINUS = 0b00;
    static final int ZERO = 0b01;

    private final int fanIn;
    private final long[] misreadAtAnyNoise;
    private final long[] fragilePositions;
    /** Δ then m of each fragile cell: Δ of cell i at 2i, its amplifier's mismatch at 2i + 1. */
    private final double[] fragileMargins;
    private final byte[] fragileFlips;

    private TernaryLayerMargins(Builder builder) {
        this.fanIn = builder.fanIn;
        this.misreadAtAnyNoise = Arrays.copyOf(builder.misread, builder.misreadCount);
        Arrays.sort(misreadAtAnyNoise); // filed cell by cell: each row's s' bits come after all its s bits
        this.fragilePositions = Arrays.copyOf(builder.fragilePositions, builder.fragileCount);
        this.fragileMargins = Arrays.copyOf(builder.fragileMargins, 2 * builder.fragileCount);
        this.fragileFlips = Arrays.copyOf(builder.fragileFlips, builder.fragileCount);
    }

    /** The plane bits to invert so that a cell storing {@code storedBits} (value {@code stored}) reads {@code read}: 0 if it reads right. */
    static int flips(int storedBits, int stored, int read) {
        return read == stored ? 0 : storedBits ^ (read > 0 ? PLUS : read < 0 ? MINUS : ZERO);
    }

    /** Plane-bit positions inverted at every read, whatever the noise, ascending. */
    public long[] misreadAtAnyNoise() {
        return misreadAtAnyNoise.clone();
    }

    /** Number of fragile cells (read ±1 as their noise decides). */
    public int fragileCells() {
        return fragilePositions.length;
    }

    /**
     * The plane-bit positions read inverted in the read keyed {@code readKey}, ascending, each once:
     * those inverted at any noise and those of every fragile cell that the PCSA reads wrong with
     * offset m + n, n = {@code offsets.noise(readKey, p)}, p the position of the cell's s bit.
     */
    @Override
    public long[] misreadIn(long readKey, SenseAmpOffsets offsets) {
        long[] first = new long[fragilePositions.length];
        long[] second = new long[fragilePositions.length];
        int firstCount = 0;
        int secondCount = 0;
        for (int i = 0; i < fragilePositions.length; i++) {
            double offset = fragileMargins[2 * i + 1] + offsets.noise(readKey, fragilePositions[i]);
            int flips = Pcsa.weightRead(0.0, fragileMargins[2 * i], offset) ? fragileFlips[i] & 3 : fragileFlips[i] >>> 2;
            if ((flips & 1) != 0) {
                first[firstCount++] = fragilePositions[i];
            }
            if ((flips & 2) != 0) {
                second[secondCount++] = fragilePositions[i] + fanIn;
            }
        }
        // Both lists ascend with the cells, so one merge orders them, and another adds the static part.
        long[] flippedByNoise = LayerMargins.merge(Arrays.copyOf(first, firstCount), second, secondCount);
        return LayerMargins.merge(misreadAtAnyNoise, flippedByNoise, flippedByNoise.length);
    }

    /** Collects the cells of a layer of fan-in N, in ascending cell order. */
    static final class Builder {
        private final int fanIn;
        private long[] misread = new long[16];
        private int misreadCount;
        private long[] fragilePositions = new long[16];
        private double[] fragileMargins = new double[32];
        private byte[] fragileFlips = new byte[16];
        private int fragileCount;

        Builder(int fanIn) {
            this.fanIn = fanIn;
        }

        /** A cell, at s-bit position {@code position}, that reads 0 at every sense. */
        void addZeroRead(long position, int storedBits, int stored) {
            addStatic(position, flips(storedBits, stored, 0));
        }

        /**
         * A cell, at s-bit position {@code position}, read by the sign comparison: fragile if
         * |Δ + m| ≤ {@code reach}, else read as the PCSA decides without noise.
         */
        void addSignRead(long position, int storedBits, int stored, double bitLineDifference, double mismatch, double reach) {
            int plusFlips = flips(storedBits, stored, 1);
            int minusFlips = flips(storedBits, stored, -1);
            if (Math.abs(bitLineDifference + mismatch) <= reach) {
                addFragile(position, bitLineDifference, mismatch, (byte) (plusFlips | minusFlips << 2));
            } else {
                addStatic(position, Pcsa.weightRead(0.0, bitLineDifference, mismatch) ? plusFlips : minusFlips);
            }
        }

        private void addStatic(long position, int flips) {
            if (misreadCount + 2 > misread.length) {
                misread = Arrays.copyOf(misread, 2 * misread.length);
            }
            if ((flips & 1) != 0) {
                misread[misreadCount++] = position;
            }
            if ((flips & 2) != 0) {
                misread[misreadCount++] = position + fanIn;
            }
        }

        private void addFragile(long position, double bitLineDifference, double mismatch, byte flips) {
            if (fragileCount == fragileFlips.length) {
                fragilePositions = Arrays.copyOf(fragilePositions, 2 * fragileCount);
                fragileMargins = Arrays.copyOf(fragileMargins, 4 * fragileCount);
                fragileFlips = Arrays.copyOf(fragileFlips, 2 * fragileCount);
            }
            fragilePositions[fragileCount] = position;
            fragileMargins[2 * fragileCount] = bitLineDifference;
            fragileMargins[2 * fragileCount + 1] = mismatch;
            fragileFlips[fragileCount++] = flips;
        }

        TernaryLayerMargins build() {
            return new TernaryLayerMargins(this);
        }
    }
}
