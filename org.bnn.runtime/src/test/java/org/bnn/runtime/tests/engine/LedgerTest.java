package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.EventCounts;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.reference.EventLedger;
import org.bnn.runtime.reference.Walk;
import org.bnn.runtime.reference.CellByCellEngine;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference engine's ledger, counted while it walks, against {@code Estimator.estimate(mapping)},
 * as integers, per layer (pooling layers included) and in total.
 */
class LedgerTest {
    private static final List<TileSpec> TILES = List.of(new TileSpec("T32", 32, 32, new CellTechnology.TwoTransistorTwoResistor()),
            new TileSpec("T7x5", 7, 5, new CellTechnology.TwoTransistorTwoResistor()),
            new TileSpec("T16x100", 16, 100, new CellTechnology.TwoTransistorTwoResistor()));

    static Stream<Arguments> cases() {
        return TestSpecs.all().stream().flatMap(spec -> TILES.stream().map(tile -> Arguments.of(spec, tile)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void ledgerEqualsEstimator(NetworkSpec spec, TileSpec tile) {
        BinaryNetwork network = RandomNetworks.create(spec, 1);
        MappingEstimate estimate = Estimator.estimate(new MappingSpec("M", spec, new ChipSpec("C", 100_000, tile)));
        long[] input = RandomNetworks.inputs(network, 1, 2)[0];
        Walk walk = new CellByCellEngine(network, tile).walk(input, (layer, read) -> new long[0]);
        EventLedger ledger = walk.ledger();
        List<LayerGeometry> geometry = spec.geometry();
        assertEquals(geometry.size(), estimate.layers().size());
        for (int i = 0; i < geometry.size(); i++) {
            assertEquals(geometry.get(i).layer().name(), estimate.layers().get(i).name());
            assertEquals(estimate.layers().get(i).events(), ledger.layer(i), "layer " + geometry.get(i).layer().name());
        }
        assertEquals(estimate.events(), ledger.total());
    }

    /** Counts do not depend on the data or on errors. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void ledgerIsTheSameForAnyInputAndErrors(NetworkSpec spec, TileSpec tile) {
        BinaryNetwork network = RandomNetworks.create(spec, 1);
        long[][] inputs = RandomNetworks.inputs(network, 2, 3);
        CellByCellEngine reference = new CellByCellEngine(network, tile);
        EventLedger clean = reference.walk(inputs[0], (layer, read) -> new long[0]).ledger();
        ReadFlips noisy = (layer, read) -> new long[] {read % network.weights(layer).size()};
        assertEquals(clean.layers(), reference.walk(inputs[1], noisy).ledger().layers());
    }
}
