package org.bnn.runtime.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Placement;
import org.bnn.runtime.spec.TileSpec;

/**
 * A design being built: the base mapping's values, each axis setting its own ({@link ExploreAxis#apply}),
 * then resolved into a {@link MappingSpec} whose records check it as any mapping is checked.
 */
public final class Design {
    private final MappingSpec base;
    int rows;
    int columns;
    CellTechnology cell;
    Optional<String> regime;
    final Map<String, Integer> replication;
    Optional<Integer> inputBits = Optional.empty();
    Optional<Double> ber = Optional.empty();

    Design(MappingSpec base) {
        this.base = base;
        TileSpec tile = base.chip().tile();
        this.rows = tile.rows();
        this.columns = tile.columns();
        this.cell = tile.cell();
        this.regime = base.regime();
        this.replication = new LinkedHashMap<>(base.replication());
    }

    /** The weight BER an axis set, if any. */
    Optional<Double> ber() {
        return ber;
    }

    /**
     * The mapping of this design, named {@code name}; a design that changes the tile or the replication is
     * placed automatically (the base mapping's explicit ranges are for its own tiles).
     *
     * @throws IllegalArgumentException when the records reject the combination (a code word wider than the tile,
     *                                  ternary weights on 1T1R cells, ...)
     */
    MappingSpec mapping(String name) {
        TileSpec tile = base.chip().tile();
        TileSpec designed = new TileSpec(tile.name(), rows, columns, cell, tile.device(), tile.sense(), tile.popcountJoulesPerInputBit(),
                tile.rowCycleClocks(), tile.spareColumns());
        ChipSpec chip = base.chip();
        ChipSpec onDesigned = new ChipSpec(chip.name(), chip.tileCount(), designed, chip.clockHz(), chip.thresholdJoulesPerCompare(),
                chip.adderJoulesPerAddition(), chip.bufferJoulesPerBit());
        NetworkSpec network = base.network();
        if (inputBits.isPresent()) {
            InputSpec input = network.input();
            network = new NetworkSpec(network.name(),
                    new InputSpec(input.name(), input.shape(), new InputEncoding.BitSerial(inputBits.get())),
                    network.layers());
        }
        boolean samePlaces = designed.equals(tile) && replication.equals(base.replication());
        return new MappingSpec(name, network, onDesigned, regime, replication, base.allowReprogramming(),
                samePlaces ? base.placement() : Placement.AUTO);
    }
}
