package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.SenseAmpSpec;

/**
 * An array tile: {@code rows} word lines × {@code columns} bit-line pairs, one sense amplifier per
 * column. One row holds (a slice of) one neuron's weights, stored in {@code cell} cells; one row
 * is read every {@code rowCycleClocks} clock cycles. Device, sense amplifier and popcount energy
 * are optional: what is not given is not estimated (and reported as missing), never silently zero.
 *
 * @param cell                      the cell technology, which alone decides cells per row, code words and bit error rates
 * @param popcountJoulesPerInputBit energy of the tile's popcount per input bit, in joules
 * @param spareColumns              further columns that replace faulty ones after a test (docs/reliability.md, "Yield
 *                                  and repair"): cells that hold no weight of their own, each used instead of a column,
 *                                  not in addition to it
 */
public record TileSpec(String name, int rows, int columns, CellTechnology cell, Optional<DeviceSpec> device,
        Optional<SenseAmpSpec> sense, OptionalDouble popcountJoulesPerInputBit, int rowCycleClocks, int spareColumns) {
    public TileSpec {
        Checks.name("TileSpec", "name", name);
        Checks.positive("TileSpec", "rows", rows);
        Checks.positive("TileSpec", "columns", columns);
        Checks.present("TileSpec", "cell", cell);
        Checks.present("TileSpec", "device", device);
        Checks.present("TileSpec", "sense", sense);
        Checks.nonNegativeFinite("TileSpec", "popcountJoulesPerInputBit",
                Checks.present("TileSpec", "popcountJoulesPerInputBit", popcountJoulesPerInputBit));
        Checks.positive("TileSpec", "rowCycleClocks", rowCycleClocks);
        Checks.nonNegative("TileSpec(" + name + ")", "spareColumns", spareColumns);
        if (spareColumns > 0 && !cell.supportsDeviceLevelErrors()) {
            throw new SpecViolation("TileSpec(" + name + ")", "spareColumns", Problem.INCONSISTENT, "TileSpec(" + name
                    + "): spare columns repair 2T2R arrays read by a PCSA, whose stuck devices the device-level model finds; "
                    + cell.label() + " cells have none of that");
        }
        if (columns < cell.minimumColumns()) {
            throw new SpecViolation("TileSpec(" + name + ")", "columns", Problem.INCONSISTENT,
                    "TileSpec(" + name + "): " + cell.label() + " cells: a code word needs "
                            + cell.minimumColumns() + " columns, the tile has " + columns);
        }
    }

    /** A tile without spare columns. */
    public TileSpec(String name, int rows, int columns, CellTechnology cell, Optional<DeviceSpec> device, Optional<SenseAmpSpec> sense,
            OptionalDouble popcountJoulesPerInputBit, int rowCycleClocks) {
        this(name, rows, columns, cell, device, sense, popcountJoulesPerInputBit, rowCycleClocks, 0);
    }

    /** A tile of {@code cell} cells with nothing else given (one row per clock). */
    public TileSpec(String name, int rows, int columns, CellTechnology cell) {
        this(name, rows, columns, cell, Optional.empty(), Optional.empty(), OptionalDouble.empty(), 1);
    }

    /** Cells of one tile that can hold weights, rows × columns (ECC check bits take cells like weights); spares not counted. */
    public long cells() {
        return (long) rows * columns;
    }

    /** Cells of one tile's spare columns, rows × spare columns: what the repair costs in area. */
    public long spareCells() {
        return (long) rows * spareColumns;
    }

    /** Column chunks of a layer of fan-in {@code fanIn}: its rows cut into slices of at most {@code columns} cells. */
    public long columnChunks(long fanIn) {
        return cell.columnChunks(fanIn, columns);
    }

    /** Row chunks of a layer of {@code neurons} neurons: groups of at most {@code rows} rows. */
    public long rowChunks(long neurons) {
        return Chunks.ceilDiv(neurons, rows);
    }

    /**
     * Tiles that hold one copy of a layer's weights: column chunks × row chunks (0 for a layer
     * without weights). The one folding formula: the Estimator and the placement rules use it.
     */
    public long tilesFor(LayerGeometry layer) {
        return layer.layer().hasWeights() ? columnChunks(layer.fanIn()) * rowChunks(layer.fanOut()) : 0;
    }

    /**
     * Cells that hold one copy of a layer's weights, check bits included: cells per row × neurons
     * (0 for a layer without weights). Programming writes these.
     */
    public long cellsFor(LayerGeometry layer) {
        return layer.layer().hasWeights() ? Math.multiplyExact(cell.cellsPerRow(layer.fanIn()), layer.fanOut()) : 0;
    }

    /** Starts a tile description. */
    public static Builder builder(String name, int rows, int columns) {
        return new Builder(name, rows, columns);
    }

    /** Builds a tile; unset properties are absent. */
    public static final class Builder {
        private final String name;
        private final int rows;
        private final int columns;
        private CellTechnology cell = new CellTechnology.TwoTransistorTwoResistor();
        private Optional<DeviceSpec> device = Optional.empty();
        private Optional<SenseAmpSpec> sense = Optional.empty();
        private OptionalDouble popcountJoulesPerInputBit = OptionalDouble.empty();
        private int rowCycleClocks = 1;
        private int spareColumns;

        private Builder(String name, int rows, int columns) {
            this.name = name;
            this.rows = rows;
            this.columns = columns;
        }

        public Builder cell(CellTechnology value) {
            this.cell = value;
            return this;
        }

        public Builder device(DeviceSpec value) {
            this.device = Optional.of(value);
            return this;
        }

        public Builder sense(SenseAmpSpec value) {
            this.sense = Optional.of(value);
            return this;
        }

        /** Popcount energy per input bit, in joules. */
        public Builder popcountEnergy(double joulesPerInputBit) {
            this.popcountJoulesPerInputBit = OptionalDouble.of(joulesPerInputBit);
            return this;
        }

        public Builder rowCycleClocks(int value) {
            this.rowCycleClocks = value;
            return this;
        }

        /** Spare columns that replace faulty ones. */
        public Builder spareColumns(int value) {
            this.spareColumns = value;
            return this;
        }

        public TileSpec build() {
            return new TileSpec(name, rows, columns, cell, device, sense, popcountJoulesPerInputBit, rowCycleClocks, spareColumns);
        }
    }
}
