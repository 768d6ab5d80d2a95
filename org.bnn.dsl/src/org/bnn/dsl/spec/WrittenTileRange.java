package org.bnn.dsl.spec;

import java.math.BigInteger;

import org.bnn.dsl.bnn.LayerPlacement;
import org.bnn.runtime.spec.TileRange;

/**
 * The tiles of one placement clause as written ({@code tiles first..last} or {@code tile n}),
 * before any check: the ends may be reversed or larger than a tile index can be.
 *
 * @param first the first end as written
 * @param last  the last end as written
 */
public record WrittenTileRange(BigInteger first, BigInteger last) {

    /** The clause's range; the grammar's TILE_RANGE token is two digit runs around "..". */
    public static WrittenTileRange of(LayerPlacement layer) {
        if (layer.isSingle() || layer.getTiles() == null) {
            BigInteger tile = BigInteger.valueOf(layer.getFirst());
            return new WrittenTileRange(tile, tile);
        }
        String text = layer.getTiles();
        int dots = text.indexOf("..");
        return new WrittenTileRange(new BigInteger(text.substring(0, dots)), new BigInteger(text.substring(dots + 2)));
    }

    /** True if it ends before it starts. */
    public boolean reversed() {
        return first.compareTo(last) > 0;
    }

    /** The same tiles with the ends in order, as the language writes them. */
    public String inOrder() {
        return reversed() ? "tiles " + last + ".." + first : toString();
    }

    /**
     * The runtime's range.
     *
     * @throws IllegalArgumentException when it is reversed or an end is beyond the largest tile index
     */
    public TileRange toTileRange() {
        BigInteger largest = BigInteger.valueOf(Integer.MAX_VALUE);
        if (first.compareTo(largest) > 0 || last.compareTo(largest) > 0) {
            throw new IllegalArgumentException("tile indices go up to " + Integer.MAX_VALUE + ", got " + this);
        }
        return new TileRange(first.intValueExact(), last.intValueExact());
    }

    @Override
    public String toString() {
        return first.equals(last) ? "tile " + first : "tiles " + first + ".." + last;
    }
}
