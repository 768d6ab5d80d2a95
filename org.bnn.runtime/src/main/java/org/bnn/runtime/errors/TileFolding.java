package org.bnn.runtime.errors;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.spec.Chunks;
import org.bnn.runtime.spec.TileSpec;

/**
 * How a layer's weight matrix is folded onto R × C tiles, and so which sense amplifier reads each
 * weight. Neuron k's row is split into column chunks of C weights; weight j of neuron k sits in
 * tile (row chunk ⌊k/R⌋, column chunk ⌊j/C⌋), column j mod C, as the reference engine walks it.
 * <p>
 * <b>Amplifier identity.</b> Every physical tile has its own C amplifiers, one per column, shared
 * by the R rows of that tile: amplifier (row chunk, column chunk, column) of a layer has index
 * (row chunk · column chunks + column chunk) · C + column, which equals
 * row chunk · column chunks · C + j. Amplifiers of different layers are told apart by the layer's
 * key (automatic placement). Under an explicit placement the amplifiers are physical: column c of
 * physical tile t, whichever layer uses it ({@link DeviceKeys}), so layers that share a tile through
 * reprogramming share its amplifiers.
 *
 * @param rows         word lines per tile (R)
 * @param columns      bit-line pairs, hence sense amplifiers, per tile (C)
 * @param spareColumns further columns per tile that replace faulty ones ({@link ColumnRepair})
 */
public record TileFolding(int rows, int columns, int spareColumns) {
    public TileFolding {
        Checks.positive("TileFolding", "rows", rows);
        Checks.positive("TileFolding", "columns", columns);
        Checks.nonNegative("TileFolding", "spareColumns", spareColumns);
    }

    /** Tiles without spare columns. */
    public TileFolding(int rows, int columns) {
        this(rows, columns, 0);
    }

    /**
     * The folding of {@code tile}. Device-level errors model only cells without a code
     * ({@link org.bnn.runtime.spec.CellTechnology#supportsDeviceLevelErrors}), one cell per weight, so these chunks
     * are the tile's own ({@link TileSpec#columnChunks}).
     */
    public static TileFolding of(TileSpec tile) {
        return new TileFolding(tile.rows(), tile.columns(), tile.spareColumns());
    }

    /** Column chunks of a row of {@code fanIn} weights: ⌈fanIn / C⌉. */
    public int columnChunks(int fanIn) {
        return Math.toIntExact(Chunks.ceilDiv(fanIn, columns));
    }

    /** Row chunks of {@code neurons} rows: ⌈neurons / R⌉. */
    public int rowChunks(int neurons) {
        return Math.toIntExact(Chunks.ceilDiv(neurons, rows));
    }

    /** Amplifiers of a layer of {@code neurons} × {@code fanIn} weights, unused columns of partial tiles included. */
    public int amplifiers(int fanIn, int neurons) {
        return Math.multiplyExact(Math.multiplyExact(rowChunks(neurons), columnChunks(fanIn)), columns);
    }

    /** The index, within its layer, of the amplifier that reads weight {@code input} of neuron {@code neuron}. */
    public int amplifier(int fanIn, int neuron, int input) {
        return firstAmplifierOfRow(fanIn, neuron) + input;
    }

    /** The amplifier of weight 0 of neuron {@code neuron}; weight j of that neuron is read by this index + j. */
    public int firstAmplifierOfRow(int fanIn, int neuron) {
        return neuron / rows * columnChunks(fanIn) * columns;
    }
}
