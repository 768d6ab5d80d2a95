package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.ecc.Secded7264;
import org.bnn.runtime.reference.CellByCellEngine;
import org.bnn.runtime.reference.Walk;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast engine against the cell-by-cell reference on every layer kind and every error mode
 * (none, per chip, per inference, per read), on the same patterns: pre-activations, scores and
 * predictions bit for bit, through the {@link Simulation} as well as a single {@link BinaryNetwork.Scratch}.
 */
class FastMatchesReferenceTest {
    private static final TileSpec TILE = new TileSpec("T", 7, 20, new CellTechnology.TwoTransistorTwoResistor());
    private static final long SEED = 77;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (NetworkSpec spec : TestSpecs.all()) {
            cases.add(Arguments.of(spec, "none", 0.0));
            for (double ber : new double[] {0.01, 0.2}) {
                cases.add(Arguments.of(spec, "per chip", ber));
                cases.add(Arguments.of(spec, "per inference", ber));
                cases.add(Arguments.of(spec, "per read", ber));
            }
            // 1T1R + SECDED(72,64): raw errors per stored bit, decoded as each row is read.
            for (String mode : List.of("per chip", "per inference", "per read")) {
                cases.add(Arguments.of(spec, mode + ", decoded", 0.05));
            }
        }
        for (NetworkSpec spec : TestSpecs.allTernary()) { // no code: ternary weights are not stored in 1T1R words
            cases.add(Arguments.of(spec, "none", 0.0));
            for (String mode : List.of("per chip", "per inference", "per read")) {
                cases.add(Arguments.of(spec, mode, 0.1));
            }
        }
        return cases.stream();
    }

    static ErrorPatterns patterns(String mode, double ber, int layers) {
        if (mode.endsWith(", decoded")) {
            Resampling resampling = switch (mode) {
                case "per chip, decoded" -> Resampling.PER_CHIP;
                case "per inference, decoded" -> Resampling.PER_INFERENCE;
                default -> Resampling.PER_READ;
            };
            return ErrorPatterns.of(WeightErrors.uniform(resampling, ber, layers), Optional.of(Secded7264.WORD_CODE));
        }
        switch (mode) {
            case "none" :
                return ErrorPatterns.of(WeightErrors.none(layers));
            case "per chip" :
                return ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, ber, layers));
            case "per inference" :
                return ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_INFERENCE, ber, layers));
            default :
                return ErrorPatterns.perRead(WeightErrors.uniform(Resampling.PER_INFERENCE, ber, layers));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void fastEngineIsBitIdenticalToTheReference(NetworkSpec spec, String mode, double ber) {
        BinaryNetwork network = BinaryNetwork.create(spec, TrainedParameters.random(spec, 5));
        ErrorPatterns patterns = patterns(mode, ber, network.weightLayerCount());
        long[][] inputs = RandomNetworks.inputs(network, 6, 9);
        int trials = 2;
        SimulationResult simulated = new Simulation(1).run(network, inputs, patterns, trials, SEED);
        CellByCellEngine reference = new CellByCellEngine(network, TILE);
        for (int trial = 0; trial < trials; trial++) {
            BinaryNetwork chip = patterns.isPerChip() && !patterns.isNone()
                    ? network.withWeightFlips(patterns.chip(network, SEED, trial))
                    : network;
            BinaryNetwork.Scratch scratch = chip.newScratch();
            for (int n = 0; n < inputs.length; n++) {
                String where = mode + " trial " + trial + " input " + n;
                Walk walk = reference.walk(inputs[n], patterns.seenBy(network, SEED, trial, n));
                int fast = predict(scratch, patterns, network, trial, n, inputs[n]);
                assertArrayEquals(walk.preActivations(), scratch.lastPreActivations(), where);
                assertArrayEquals(walk.scores(), scratch.lastScores(), where);
                assertEquals(walk.prediction(), fast, where);
                assertEquals(walk.prediction(), simulated.predictions()[trial][n], where);
            }
        }
    }

    private static int predict(BinaryNetwork.Scratch scratch, ErrorPatterns patterns, BinaryNetwork network, int trial, int n,
            long[] input) {
        if (patterns.isNone() || patterns.isPerChip()) {
            return scratch.predict(input);
        }
        if (patterns.isPerRead()) {
            ReadFlips reads = patterns.reads(network, SEED, trial, n);
            return scratch.predictWithReadFlips(input, reads);
        }
        return scratch.predictWithFlips(input, patterns.inference(network, SEED, trial, n));
    }
}
