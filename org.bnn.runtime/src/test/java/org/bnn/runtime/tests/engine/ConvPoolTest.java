package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast engine on every layer kind against a naive floating-point network ({@link FloatReference}),
 * with binary and with ternary weights.
 */
class ConvPoolTest {

    static Stream<NetworkSpec> specs() {
        return Stream.concat(TestSpecs.all().stream(), TestSpecs.allTernary().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void engineEqualsNaiveFloatNetwork(NetworkSpec spec) {
        NetworkParameters parameters = TrainedParameters.random(spec, spec.name().hashCode());
        BinaryNetwork network = BinaryNetwork.create(spec, parameters);
        BinaryNetwork.Scratch scratch = network.newScratch();
        Set<String> distinct = new HashSet<>();
        for (double[] input : RandomNetworks.realInputs(spec.inputSize(), 40, 7)) {
            FloatReference.Result expected = FloatReference.run(spec, parameters, input, null);
            assertEquals(expected.prediction(), scratch.predict(network.encode(input)));
            assertArrayEquals(expected.preActivations(), scratch.lastPreActivations());
            assertArrayEquals(expected.scores(), scratch.lastScores());
            distinct.add(Arrays.toString(expected.preActivations()));
        }
        assertTrue(distinct.size() >= 3, "the hidden layers must not be constant: " + distinct.size() + " distinct outputs");
    }

    /** Per-inference and per-chip weight flips act on the logical positions k·fanIn + j of every layer kind. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void flipsInvertTheLogicalWeights(NetworkSpec spec) {
        NetworkParameters parameters = TrainedParameters.random(spec, 3);
        BinaryNetwork network = BinaryNetwork.create(spec, parameters);
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, 0.1, network.weightLayerCount());
        long[] sizes = Simulation.weightsPerLayer(network);
        BinaryNetwork.Scratch scratch = network.newScratch();
        double[][] inputs = RandomNetworks.realInputs(spec.inputSize(), 15, 8);
        for (int n = 0; n < inputs.length; n++) {
            long[][] flips = errors.flips(ErrorKeys.inference(1, 0, n), sizes);
            FloatReference.Result expected = FloatReference.run(spec, parameters, inputs[n], flips);
            long[] encoded = network.encode(inputs[n]);
            assertEquals(expected.prediction(), scratch.predictWithFlips(encoded, flips));
            assertArrayEquals(expected.scores(), scratch.lastScores());
            assertArrayEquals(expected.scores(), network.withWeightFlips(flips).scores(encoded));
        }
    }

    /** Every kernel, stride and padding combination on a small map, including maps smaller than the word. */
    @Test
    void convolutionGeometrySweep() {
        int cases = 0;
        for (int kernel = 1; kernel <= 4; kernel++) {
            for (int stride = 1; stride <= 3; stride++) {
                for (int pad = 0; pad <= 2; pad++) {
                    for (int value : new int[] {-1, 1}) {
                        for (int channels : new int[] {1, 3, 64}) {
                            NetworkSpec spec = NetworkSpec.builder("G", "img", 6, 5, channels)
                                    .conv("c", 4, kernel, stride, new Padding(pad, value))
                                    .pool("p", PoolKind.MAX, 1, 1)
                                    .output("out", 3).build();
                            NetworkParameters parameters = TrainedParameters.random(spec, cases);
                            BinaryNetwork network = BinaryNetwork.create(spec, parameters);
                            for (double[] input : RandomNetworks.realInputs(spec.inputSize(), 3, cases)) {
                                FloatReference.Result expected = FloatReference.run(spec, parameters, input, null);
                                assertArrayEquals(expected.scores(), network.scores(network.encode(input)),
                                        spec.layers().get(0).toString());
                            }
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(4 * 3 * 3 * 2 * 3, cases);
    }
}
