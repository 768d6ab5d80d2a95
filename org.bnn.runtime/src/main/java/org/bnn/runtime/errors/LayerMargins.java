package org.bnn.runtime.errors;

import java.util.Arrays;

import org.bnn.runtime.device.Pcsa;
import org.bnn.runtime.device.SenseAmpOffsets;

/**
 * The static read margins of one layer of one chip instance, reduced to what its reads need: the
 * weights misread whatever the read noise, and the <i>fragile</i> cells, whose static margin
 * Δ + m (Δ = ln R_BLb − ln R_BL, m the amplifier's mismatch) is within the {@link NoiseReach} of
 * zero, with Δ, m and the stored weight. A read inverts the first set always and each fragile cell
 * as the PCSA decides with the noise drawn for that read: the same decision as drawing noise for
 * every cell, at a cost proportional to the fragile cells only. Positions are logical, k·fanIn + j.
 */
public final class LayerMargins implements LayerReads {
    /** A layer no error reaches. */
    public static final LayerMargins NONE = new Builder().build();

    private final long[] misreadAtAnyNoise;
    private final long[] fragilePositions;
    private final double[] fragileBitLineDifferences;
    private final double[] fragileMismatches;
    private final boolean[] fragileWeights;

    private LayerMargins(Builder builder) {
        this.misreadAtAnyNoise = Arrays.copyOf(builder.misread, builder.misreadCount);
        this.fragilePositions = Arrays.copyOf(builder.fragilePositions, builder.fragileCount);
        this.fragileBitLineDifferences = Arrays.copyOf(builder.fragileDifferences, builder.fragileCount);
        this.fragileMismatches = Arrays.copyOf(builder.fragileMismatches, builder.fragileCount);
        this.fragileWeights = Arrays.copyOf(builder.fragileWeights, builder.fragileCount);
    }

    /** The weight the PCSA reads is not the stored one: Pcsa's rule on Δ = ln R_BLb − ln R_BL (as 0 vs Δ). */
    static boolean misread(double bitLineDifference, double offset, boolean weight) {
        return Pcsa.weightRead(0.0, bitLineDifference, offset) != weight;
    }

    /** Positions misread at every read, whatever the noise, ascending. */
    public long[] misreadAtAnyNoise() {
        return misreadAtAnyNoise.clone();
    }

    /** Number of fragile cells. */
    public int fragileCells() {
        return fragilePositions.length;
    }

    /** Logical position of fragile cell {@code i} (ascending in i). */
    public long fragilePosition(int i) {
        return fragilePositions[i];
    }

    /** Δ = ln R_BLb − ln R_BL of fragile cell {@code i}. */
    public double fragileBitLineDifference(int i) {
        return fragileBitLineDifferences[i];
    }

    /** The static offset m of the amplifier that reads fragile cell {@code i}, in units of ln R. */
    public double fragileMismatch(int i) {
        return fragileMismatches[i];
    }

    /** The weight stored in fragile cell {@code i} (true for +1). */
    public boolean fragileWeight(int i) {
        return fragileWeights[i];
    }

    /**
     * The positions read inverted in the read keyed {@code readKey}, ascending, each once: the
     * cells misread at any noise and every fragile cell that the PCSA misreads with offset m + n,
     * n = {@code offsets.noise(readKey, position)}.
     */
    @Override
    public long[] misreadIn(long readKey, SenseAmpOffsets offsets) {
        long[] flippedByNoise = new long[fragilePositions.length];
        int flipped = 0;
        for (int i = 0; i < fragilePositions.length; i++) {
            double offset = fragileMismatches[i] + offsets.noise(readKey, fragilePositions[i]);
            if (misread(fragileBitLineDifferences[i], offset, fragileWeights[i])) {
                flippedByNoise[flipped++] = fragilePositions[i];
            }
        }
        return merge(misreadAtAnyNoise, flippedByNoise, flipped);
    }

    /** The first {@code bCount} values of {@code b} merged into {@code a}, both ascending. */
    static long[] merge(long[] a, long[] b, int bCount) {
        long[] merged = new long[a.length + bCount];
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < a.length && j < bCount) {
            merged[out++] = a[i] < b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            merged[out++] = a[i++];
        }
        while (j < bCount) {
            merged[out++] = b[j++];
        }
        return merged;
    }

    /** Collects cells in ascending position order. */
    static final class Builder {
        private long[] misread = new long[16];
        private int misreadCount;
        private long[] fragilePositions = new long[16];
        private double[] fragileDifferences = new double[16];
        private double[] fragileMismatches = new double[16];
        private boolean[] fragileWeights = new boolean[16];
        private int fragileCount;

        /**
         * Files a cell by its static margin: fragile if |Δ + m| ≤ {@code reach}, else misread at any
         * noise if the PCSA reads it wrong without noise, else nothing.
         */
        void add(long position, double bitLineDifference, double mismatch, boolean weight, double reach) {
            if (Math.abs(bitLineDifference + mismatch) <= reach) {
                addFragile(position, bitLineDifference, mismatch, weight);
            } else if (misread(bitLineDifference, mismatch, weight)) {
                if (misreadCount == misread.length) {
                    misread = Arrays.copyOf(misread, 2 * misreadCount);
                }
                misread[misreadCount++] = position;
            }
        }

        private void addFragile(long position, double bitLineDifference, double mismatch, boolean weight) {
            if (fragileCount == fragilePositions.length) {
                int capacity = 2 * fragileCount;
                fragilePositions = Arrays.copyOf(fragilePositions, capacity);
                fragileDifferences = Arrays.copyOf(fragileDifferences, capacity);
                fragileMismatches = Arrays.copyOf(fragileMismatches, capacity);
                fragileWeights = Arrays.copyOf(fragileWeights, capacity);
            }
            fragilePositions[fragileCount] = position;
            fragileDifferences[fragileCount] = bitLineDifference;
            fragileMismatches[fragileCount] = mismatch;
            fragileWeights[fragileCount] = weight;
            fragileCount++;
        }

        LayerMargins build() {
            return new LayerMargins(this);
        }
    }
}
