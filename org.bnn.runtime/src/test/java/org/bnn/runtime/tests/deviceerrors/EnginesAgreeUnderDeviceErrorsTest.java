package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TernaryLayers;
import org.bnn.runtime.reference.CellByCellEngine;
import org.bnn.runtime.reference.Walk;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.bnn.runtime.tests.engine.TestSpecs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast engine and the cell-by-cell reference on device-level patterns, per chip and per read,
 * for binary networks and ternary ones (every network of TestSpecs.allTernary(), one mixed):
 * pre-activations, scores and predictions bit for bit, through the {@link Simulation} as well as a
 * single scratch. The device errors are made from the same tile the reference walks.
 */
class EnginesAgreeUnderDeviceErrorsTest {
    private static final long SEED = 123;
    private static final DeviceSpec HARSH = new DeviceSpec("hfo2", "TiN/HfO2/Ti/TiN", List.of(Presets.ULTRA_LOW, Presets.VERY_LOW),
            new StuckAt(0.01, 0.02));
    private static final TileSpec TILE = TileSpec.builder("T", 7, 20).device(HARSH).sense(new SenseAmpSpec(0.05, 0.2, 25e-15, 2e-9))
            .build();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        List<NetworkSpec> specs = new ArrayList<>(TestNetworks.all());
        specs.addAll(TestSpecs.allTernary()); // ternary layers: a misread inverts one or both plane bits
        for (NetworkSpec spec : specs) {
            for (Resampling resampling : new Resampling[] {Resampling.PER_CHIP, Resampling.PER_READ}) {
                for (String regime : new String[] {"very-low", "ultra-low"}) {
                    cases.add(Arguments.of(spec.name(), spec, resampling, regime));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {2}, {3}")
    @MethodSource("cases")
    void fastEngineIsBitIdenticalToTheReference(String name, NetworkSpec spec, Resampling resampling, String regime) {
        BinaryNetwork network = RandomNetworks.create(spec, 5);
        ErrorPatterns patterns = ErrorPatterns.of(DeviceErrors.forTile(TILE, regime, resampling, network.weightLayerCount())
                .withTernaryLayers(TernaryLayers.of(network, TernaryReads.DEFAULT_ZERO_THRESHOLD)));
        long[][] inputs = RandomNetworks.inputs(network, 6, 9);
        int trials = 2;
        SimulationResult simulated = new Simulation(1).run(network, inputs, patterns, trials, SEED);
        CellByCellEngine reference = new CellByCellEngine(network, TILE);
        int changed = 0;
        for (int trial = 0; trial < trials; trial++) {
            BinaryNetwork chip = patterns.isPerChip() ? network.withWeightFlips(patterns.chip(network, SEED, trial)) : network;
            BinaryNetwork.Scratch scratch = chip.newScratch();
            for (int n = 0; n < inputs.length; n++) {
                String where = resampling + " trial " + trial + " input " + n;
                Walk walk = reference.walk(inputs[n], patterns.seenBy(network, SEED, trial, n));
                int fast = patterns.isPerRead()
                        ? scratch.predictWithReadFlips(inputs[n], patterns.reads(network, SEED, trial, n))
                        : scratch.predict(inputs[n]);
                assertArrayEquals(walk.preActivations(), scratch.lastPreActivations(), where);
                assertArrayEquals(walk.scores(), scratch.lastScores(), where);
                assertEquals(walk.prediction(), fast, where);
                assertEquals(walk.prediction(), simulated.predictions()[trial][n], where);
                changed += walk.prediction() != network.predict(inputs[n]) ? 1 : 0;
            }
        }
        assertTrue(patterns.errors().berPerLayer()[0] > 0.01, "a harsh case: " + patterns);
        System.out.println(spec.name() + " " + resampling + " " + regime + ": " + changed + " of " + trials * inputs.length
                + " predictions changed by the errors, engines identical");
    }
}
