package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

/** Results are pure functions of the seeds: identical at any thread count, in every error mode. */
class DeterminismTest {

    @Test
    void identicalAtOneAndManyThreadsInEveryMode() {
        for (NetworkSpec spec : new NetworkSpec[] {TestSpecs.convMaxPool(), TestSpecs.bitSerialConvAveragePool()}) {
            BinaryNetwork network = BinaryNetwork.create(spec, TrainedParameters.random(spec, 4));
            long[][] inputs = RandomNetworks.inputs(network, 150, 5);
            int layers = network.weightLayerCount();
            for (ErrorPatterns patterns : new ErrorPatterns[] {ErrorPatterns.of(WeightErrors.none(layers)),
                ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, 0.05, layers)),
                ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_INFERENCE, 0.05, layers)),
                ErrorPatterns.perRead(WeightErrors.uniform(Resampling.PER_INFERENCE, 0.05, layers))}) {
                SimulationResult one = new Simulation(1).run(network, inputs, patterns, 3, 11);
                SimulationResult three = new Simulation(3).run(network, inputs, patterns, 3, 11);
                for (int trial = 0; trial < 3; trial++) {
                    assertArrayEquals(one.predictions()[trial], three.predictions()[trial], patterns + " trial " + trial);
                    assertArrayEquals(one.tied()[trial], three.tied()[trial], patterns + " trial " + trial);
                }
            }
        }
    }

    /** A one-plane dense network is read once per inference, so per read is per inference, bit for bit. */
    @Test
    void perReadIsPerInferenceForDenseLayers() {
        NetworkSpec spec = TestSpecs.dense();
        BinaryNetwork network = RandomNetworks.create(spec, 8);
        long[][] inputs = RandomNetworks.inputs(network, 200, 9);
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, 0.08, network.weightLayerCount());
        int[][] perInference = new Simulation(2).predict(network, inputs, errors, 2, 3);
        SimulationResult perRead = new Simulation(2).run(network, inputs, ErrorPatterns.perRead(errors), 2, 3);
        for (int trial = 0; trial < 2; trial++) {
            assertArrayEquals(perInference[trial], perRead.predictions()[trial]);
        }
    }

    /**
     * Per read: a layer read once sees the per-inference pattern, every read of a conv layer a fresh one, each
     * weight flipped with probability BER, independently across reads.
     */
    @Test
    void perReadPatternsAreFreshAndAtTheBer() {
        NetworkSpec spec = TestSpecs.convMaxPool();
        BinaryNetwork network = RandomNetworks.create(spec, 1);
        double ber = 0.03;
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, ber, network.weightLayerCount());
        ReadFlips reads = ErrorPatterns.perRead(errors).reads(network, 5, 1, 2);
        long[][] inference = ErrorPatterns.of(errors).inference(network, 5, 1, 2);
        long flips = 0;
        long weights = 0;
        int repeated = 0;
        for (int layer = 0; layer < network.weightLayerCount(); layer++) {
            if (network.weightLayer(layer).reads() == 1) {
                // A layer read once per inference (dense) sees exactly the per-inference pattern.
                long[] sorted = inference[layer].clone();
                Arrays.sort(sorted);
                assertArrayEquals(sorted, reads.positions(layer, 0), "read 0 of layer " + layer);
            }
            long size = network.weights(layer).size();
            for (int read = 0; read < network.weightLayer(layer).reads(); read++) {
                long[] positions = reads.positions(layer, read);
                assertTrue(Arrays.stream(positions).allMatch(p -> p >= 0 && p < size));
                if (read > 0 && Arrays.equals(positions, reads.positions(layer, read - 1)) && positions.length > 0) {
                    repeated++;
                }
                flips += positions.length;
                weights += size;
            }
        }
        assertEquals(0, repeated, "consecutive reads share no pattern");
        double mean = (double) flips / weights;
        double sd = Math.sqrt(ber * (1 - ber) / weights);
        assertTrue(Math.abs(mean - ber) < 5 * sd, "flip rate " + mean + " vs " + ber);
        // The same call twice gives the same patterns (pure function of the keys).
        ReadFlips again = ErrorPatterns.perRead(errors).reads(network, 5, 1, 2);
        assertArrayEquals(reads.positions(0, 17), again.positions(0, 17));
        // And they are the sampler's own draw over reads × weights, sliced by read.
        long size = network.weights(0).size();
        long[] all = NestedFlips.sortedPositions(ErrorKeys.layer(ErrorKeys.inference(5, 1, 2), 0), size * network.weightLayer(0).reads(),
                ber);
        long[] slice = Arrays.stream(all).filter(p -> p >= 17 * size && p < 18 * size).map(p -> p - 17 * size).toArray();
        assertArrayEquals(slice, reads.positions(0, 17));
    }

    @Test
    void tieFlagsMarkSharedMaxima() {
        // A random network with the identity affine has integer scores: ties happen, and are flagged as such.
        NetworkSpec spec = NetworkSpec.builder("T", "in", 20).output("out", 10).build();
        BinaryNetwork network = RandomNetworks.create(spec, 2);
        long[][] inputs = RandomNetworks.inputs(network, 300, 3);
        SimulationResult result = new Simulation(1).run(network, inputs, ErrorPatterns.of(WeightErrors.none(1)), 1, 1);
        int ties = 0;
        for (int n = 0; n < inputs.length; n++) {
            double[] scores = network.scores(inputs[n]);
            long sharing = Arrays.stream(scores).filter(s -> s == Arrays.stream(scores).max().getAsDouble()).count();
            assertEquals(sharing > 1, result.tied()[0][n]);
            ties += sharing > 1 ? 1 : 0;
        }
        assertTrue(ties > 10, "ties " + ties);
        assertEquals(ties / 300.0, result.tieRate(0));
    }
}
