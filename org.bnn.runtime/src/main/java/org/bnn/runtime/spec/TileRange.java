package org.bnn.runtime.spec;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * An inclusive range of physical tile indices of a chip, {@code first..last}; tiles are numbered
 * from 0. A single tile is the range {@code n..n}.
 */
public record TileRange(int first, int last) {
    public TileRange {
        if (first < 0) {
            throw new SpecViolation("TileRange", "first", Problem.NEGATIVE,
                    "TileRange.first must be a tile index (0 or more), got " + first);
        }
        if (last < first) {
            throw new SpecViolation("TileRange", "last", Problem.INCONSISTENT,
                    "TileRange.last must not be below first (" + first + "), got " + last);
        }
    }

    /** The {@code count} tiles from {@code first} on. */
    public static TileRange of(int first, long count) {
        if (count < 1) {
            throw new SpecViolation("TileRange", "count", Problem.NOT_POSITIVE, "TileRange.of: count must be positive, got " + count);
        }
        return new TileRange(first, Math.toIntExact(first + count - 1));
    }

    /** Number of tiles in the range. */
    public int count() {
        return last - first + 1;
    }

    /** True if the two ranges share a tile. */
    public boolean overlaps(TileRange other) {
        return first <= other.last && other.first <= last;
    }

    /** As written in a .bnn file: {@code tiles 0..799} or {@code tile 5}. */
    public String text() {
        return (first == last ? "tile " : "tiles ") + span();
    }

    /** The indices alone: {@code 0..799} or {@code 5}. */
    public String span() {
        return first == last ? Integer.toString(first) : first + ".." + last;
    }
}
