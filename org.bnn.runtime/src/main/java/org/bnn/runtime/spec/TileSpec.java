package org.bnn.runtime.spec;

/**
 * An array tile: {@code rows} word lines × {@code columns} bit-line pairs, one sense amplifier per
 * column. One row holds (a slice of) one neuron's weights; one row is read every
 * {@code rowCycleClocks} clock cycles.
 */
public record TileSpec(String name, int rows, int columns, CellKind cellKind, int rowCycleClocks) {
    public TileSpec {
        SpecChecks.name("TileSpec", "name", name);
        SpecChecks.positive("TileSpec", "rows", rows);
        SpecChecks.positive("TileSpec", "columns", columns);
        SpecChecks.present("TileSpec", "cellKind", cellKind);
        SpecChecks.positive("TileSpec", "rowCycleClocks", rowCycleClocks);
    }

    /** A tile that reads one row per clock cycle. */
    public TileSpec(String name, int rows, int columns, CellKind cellKind) {
        this(name, rows, columns, cellKind, 1);
    }

    /** Binary weights one tile stores. */
    public long cells() {
        return (long) rows * columns;
    }
}
