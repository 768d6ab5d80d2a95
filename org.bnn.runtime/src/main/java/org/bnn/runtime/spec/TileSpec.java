package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;

import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.SenseAmpSpec;

/**
 * An array tile: {@code rows} word lines × {@code columns} bit-line pairs, one sense amplifier per
 * column. One row holds (a slice of) one neuron's weights; one row is read every
 * {@code rowCycleClocks} clock cycles. Device, sense amplifier and popcount energy are optional:
 * what is not given is not estimated (and reported as missing), never silently zero.
 *
 * @param popcountJoulesPerInputBit energy of the tile's popcount per input bit, in joules
 */
public record TileSpec(String name, int rows, int columns, CellSpec cell, Optional<DeviceSpec> device,
        Optional<SenseAmpSpec> sense, OptionalDouble popcountJoulesPerInputBit, int rowCycleClocks) {
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
        if (cell.ecc() != Ecc.NONE && columns < cell.ecc().wordBits()) {
            throw new IllegalArgumentException("TileSpec(" + name + "): a " + cell.ecc().label() + " word needs "
                    + cell.ecc().wordBits() + " columns, the tile has " + columns);
        }
    }

    /** A tile of {@code kind} cells with nothing else given (one row per clock). */
    public TileSpec(String name, int rows, int columns, CellKind kind) {
        this(name, rows, columns, kind == CellKind.TWO_T_TWO_R ? CellSpec.twoTwoR()
                : CellSpec.oneTOneR(new org.bnn.runtime.device.ReadReference.Best()),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), 1);
    }

    /**
     * The probability that one read of a weight stored in these cells under {@code regime} is
     * wrong, before any ECC: 2T2R read by the tile's PCSA (its offsets and the device's stuck-at
     * faults included) or by an offset-free comparator when no sense amplifier is given; 1T1R
     * against the cell's reference, the best one when none is given.
     */
    public double bitErrorRate(RegimeSpec regime) {
        if (cellKind() == CellKind.TWO_T_TWO_R) {
            return sense.isPresent() ? BitErrorRates.twoTwoR(regime, sense.get(), device.map(DeviceSpec::stuckAt).orElse(StuckAt.NONE))
                    : BitErrorRates.twoTwoR(regime);
        }
        return BitErrorRates.oneTOneR(regime, cell.reference().orElse(new ReadReference.Best()));
    }

    public CellKind cellKind() {
        return cell.kind();
    }

    /** Binary weights one tile stores. */
    public long cells() {
        return (long) rows * columns;
    }

    /** SECDED words covering one row slice of fan-in {@code fanIn} (0 without ECC). */
    public long eccWords(long fanIn) {
        return cell.ecc() == Ecc.NONE ? 0 : ceilDiv(fanIn, cell.ecc().dataBits());
    }

    /** Cells one neuron's row of fan-in {@code fanIn} takes: the weights, or whole ECC words (check bits are cells too). */
    public long cellsPerRow(long fanIn) {
        long words = eccWords(fanIn);
        return words == 0 ? fanIn : words * cell.ecc().wordBits();
    }

    /** Column chunks of a layer of fan-in {@code fanIn}: its rows cut into slices of at most {@code columns} cells. */
    public long columnChunks(long fanIn) {
        return ceilDiv(cellsPerRow(fanIn), columns);
    }

    /** Row chunks of a layer of {@code neurons} neurons: groups of at most {@code rows} rows. */
    public long rowChunks(long neurons) {
        return ceilDiv(neurons, rows);
    }

    /**
     * Tiles that hold one copy of a layer's weights: column chunks × row chunks (0 for a layer
     * without weights). The one folding formula: the Estimator and the placement rules use it.
     */
    public long tilesFor(LayerGeometry layer) {
        return layer.layer().hasWeights() ? columnChunks(layer.fanIn()) * rowChunks(layer.fanOut()) : 0;
    }

    private static long ceilDiv(long numerator, long denominator) {
        return (numerator + denominator - 1) / denominator;
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
        private CellSpec cell = CellSpec.twoTwoR();
        private Optional<DeviceSpec> device = Optional.empty();
        private Optional<SenseAmpSpec> sense = Optional.empty();
        private OptionalDouble popcountJoulesPerInputBit = OptionalDouble.empty();
        private int rowCycleClocks = 1;

        private Builder(String name, int rows, int columns) {
            this.name = name;
            this.rows = rows;
            this.columns = columns;
        }

        public Builder cell(CellSpec value) {
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

        public TileSpec build() {
            return new TileSpec(name, rows, columns, cell, device, sense, popcountJoulesPerInputBit, rowCycleClocks);
        }
    }
}
