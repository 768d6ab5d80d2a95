package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.reference.CellByCellEngine;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast engine against the cell-by-cell reference, on the same error patterns, bit for bit. */
class EnginesAgreeTest {
    // Odd sizes: partial words, partial tiles in both directions.
    private static final NetworkSpec SPEC = NetworkSpec.builder("N", "in", 13, 11)
            .dense("fc1", 97).dense("fc2", 70).output("out", 10).build();
    private static final TileSpec TILE = new TileSpec("T", 32, 48, new CellTechnology.TwoTransistorTwoResistor());

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1e-3, 3.3e-2, 0.1, 0.5})
    void perChipErrorsGiveIdenticalScores(double ber) {
        BinaryNetwork network = RandomNetworks.create(SPEC, 11);
        long[][] inputs = RandomNetworks.inputs(network.inputSize(), 40, 12);
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_CHIP, ber, network.weightLayerCount());
        long[] sizes = Simulation.weightsPerLayer(network);
        CellByCellEngine reference = new CellByCellEngine(network, TILE);
        int[][] fast = new Simulation(1).predict(network, inputs, errors, 3, 99);
        for (int trial = 0; trial < 3; trial++) {
            long[][] flips = errors.flips(ErrorKeys.chip(99, trial), sizes);
            BinaryNetwork chip = network.withWeightFlips(flips);
            for (int n = 0; n < inputs.length; n++) {
                assertArrayEquals(reference.scores(inputs[n], flips), chip.scores(inputs[n]), "trial " + trial + " input " + n);
                assertTrue(fast[trial][n] == reference.predict(inputs[n], flips));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-2, 0.2})
    void perInferenceErrorsGiveIdenticalPredictions(double ber) {
        BinaryNetwork network = RandomNetworks.create(SPEC, 21);
        long[][] inputs = RandomNetworks.inputs(network.inputSize(), 40, 22);
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, ber, network.weightLayerCount());
        long[] sizes = Simulation.weightsPerLayer(network);
        CellByCellEngine reference = new CellByCellEngine(network, TILE);
        int[][] fast = new Simulation(1).predict(network, inputs, errors, 2, 5);
        BinaryNetwork.Scratch scratch = network.newScratch();
        for (int trial = 0; trial < 2; trial++) {
            for (int n = 0; n < inputs.length; n++) {
                long[][] flips = errors.flips(ErrorKeys.inference(5, trial, n), sizes);
                int expected = reference.predict(inputs[n], flips);
                assertTrue(expected == fast[trial][n], "trial " + trial + " input " + n);
                assertTrue(expected == scratch.predictWithFlips(inputs[n], flips));
                assertArrayEquals(reference.scores(inputs[n], flips), scratch.lastScores());
            }
        }
        // Per-inference flips are undone: the clean prediction is unchanged afterwards.
        assertTrue(scratch.predict(inputs[0]) == network.predict(inputs[0]));
    }

    @Test
    void resultsAreIdenticalAtOneAndManyThreads() {
        BinaryNetwork network = RandomNetworks.create(SPEC, 31);
        long[][] inputs = RandomNetworks.inputs(network.inputSize(), 300, 32);
        for (Resampling resampling : Resampling.values()) {
            WeightErrors errors = WeightErrors.uniform(resampling, 0.05, network.weightLayerCount());
            int[][] one = new Simulation(1).predict(network, inputs, errors, 4, 7);
            int[][] four = new Simulation(4).predict(network, inputs, errors, 4, 7);
            for (int trial = 0; trial < 4; trial++) {
                assertArrayEquals(one[trial], four[trial], resampling + " trial " + trial);
            }
        }
    }

    @Test
    void errorsChangeSomePredictionsAndMoreAtHigherBer() {
        BinaryNetwork network = RandomNetworks.create(SPEC, 41);
        long[][] inputs = RandomNetworks.inputs(network.inputSize(), 500, 42);
        int[] clean = new Simulation(2).predict(network, inputs, WeightErrors.none(network.weightLayerCount()), 1, 1)[0];
        int previous = 0;
        for (double ber : new double[] {1e-3, 1e-2, 1e-1}) {
            int[] faulty = new Simulation(2).predict(network, inputs, WeightErrors.uniform(Resampling.PER_CHIP, ber, 3), 1, 1)[0];
            int changed = 0;
            for (int n = 0; n < inputs.length; n++) {
                changed += faulty[n] != clean[n] ? 1 : 0;
            }
            assertTrue(changed >= previous, "nested flips: more errors, more changes (" + changed + " < " + previous + ")");
            previous = changed;
        }
        assertTrue(previous > 50, "BER 0.1 must change many predictions of a random network, changed " + previous);
    }
}
