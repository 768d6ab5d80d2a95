package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.CleanRun;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chips that start from an error-free run (only the neurons with a flipped weight recomputed while
 * an input's activations are still error-free) predict exactly what a full inference predicts.
 */
class CleanRunTest {

    private static final NetworkSpec DEEP = NetworkSpec.builder("Deep", "in", 15, 13)
            .dense("h1", 130).dense("h2", 129).dense("h3", 64).output("out", 7).build();
    private static final NetworkSpec OUTPUT_ONLY = NetworkSpec.builder("OutputOnly", "in", 9, 7).output("out", 5).build();
    private static final NetworkSpec SERIAL_OUTPUT_ONLY = NetworkSpec.builder("SerialOutputOnly",
            new InputSpec("px", Shape.flat(70), new InputEncoding.BitSerial(4))).output("out", 6).build();

    @Test
    void chipsStartingFromACleanRunPredictWhatAFullInferencePredicts() {
        for (NetworkSpec spec : new NetworkSpec[] {TestSpecs.dense(), DEEP, OUTPUT_ONLY, TestSpecs.bitSerialDense(), SERIAL_OUTPUT_ONLY,
            TestSpecs.convMaxPool(),
            TestSpecs.ternary(TestSpecs.convPaddingStride())}) {
            BinaryNetwork network = BinaryNetwork.create(spec, TrainedParameters.random(spec, 21));
            long[][] inputs = RandomNetworks.inputs(network, 300, 22);
            CleanRun clean = new CleanRun(network, inputs);
            int[] cleanPredictions = new int[inputs.length];
            network.newScratch().predictAll(inputs, 0, inputs.length, cleanPredictions, null, clean);
            int changed = 0;
            int kept = 0;
            int chips = 0;
            for (double ber : new double[] {1e-4, 1e-3, 1e-2, 3e-2}) {
                WeightErrors errors = WeightErrors.uniform(Resampling.PER_CHIP, ber, network.weightLayerCount());
                for (int trial = 0; trial < 4; trial++) {
                    long[][] flips = errors.flips(ErrorKeys.chip(23, trial), weightsPerLayer(network));
                    if (trial % 2 == 1 && flips.length > 1) {
                        flips[0] = new long[0]; // a first layer without errors: conv chips skip it, and later layers change predictions
                    }
                    BinaryNetwork chip = network.withWeightFlips(flips);
                    if (!chip.worthStartingFrom(clean)) {
                        continue;
                    }
                    chips++;
                    int[] full = new int[inputs.length];
                    boolean[] fullTied = new boolean[inputs.length];
                    chip.newScratch().predictAll(inputs, 0, inputs.length, full, fullTied);
                    int[] fromClean = new int[inputs.length];
                    boolean[] fromCleanTied = new boolean[inputs.length];
                    BinaryNetwork.Scratch scratch = chip.newScratch();
                    // In uneven pieces, as tasks of a simulation take them.
                    for (int from = 0; from < inputs.length; from += 37) {
                        scratch.predictAllFrom(clean, inputs, from, Math.min(inputs.length, from + 37), fromClean, fromCleanTied);
                    }
                    String where = spec.name() + " at BER " + ber + ", trial " + trial;
                    assertArrayEquals(full, fromClean, where);
                    assertArrayEquals(fullTied, fromCleanTied, where);
                    for (int n = 0; n < inputs.length; n++) {
                        if (full[n] == cleanPredictions[n]) {
                            kept++;
                        } else {
                            changed++;
                        }
                    }
                }
            }
            // Chips were served from the clean run, and both paths were taken: inputs the flips left alone, inputs they moved.
            assertTrue(chips >= 4, spec.name() + ": " + chips + " chips started from the clean run");
            assertTrue(changed > 0 && kept > 0, spec.name() + ": changed " + changed + ", kept " + kept);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deep", "conv"})
    void simulationsOfASweepGiveTheSameResultsWithAndWithoutTheCleanRun(String kind) {
        NetworkSpec spec = "deep".equals(kind) ? DEEP : TestSpecs.bitSerialConv();
        BinaryNetwork network = BinaryNetwork.create(spec, TrainedParameters.random(spec, 5));
        long[][] inputs = RandomNetworks.inputs(network, 500, 6);
        int layers = network.weightLayerCount();
        Simulation sweeping = new Simulation(3);
        Simulation alone = new Simulation(1);
        sweeping.run(network, inputs, ErrorPatterns.of(WeightErrors.none(layers)), 3, 7); // kept for the chips below
        for (double ber : new double[] {1e-5, 1e-4, 1e-3, 1e-2, 1e-1}) {
            ErrorPatterns patterns = ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, ber, layers));
            SimulationResult fromClean = sweeping.run(network, inputs, patterns, 3, 7);
            SimulationResult full = alone.run(network, inputs, patterns, 3, 7);
            for (int trial = 0; trial < 3; trial++) {
                assertArrayEquals(full.predictions()[trial], fromClean.predictions()[trial], "BER " + ber + " trial " + trial);
                assertArrayEquals(full.tied()[trial], fromClean.tied()[trial], "BER " + ber + " trial " + trial);
            }
        }
    }

    @Test
    void aSimulationReusesNoRunOfNoTrialsNorOfInputsRefilledInPlace() {
        BinaryNetwork network = RandomNetworks.create(DEEP, 1);
        long[][] inputs = RandomNetworks.inputs(network, 200, 2);
        long[][] original = new long[inputs.length][];
        for (int n = 0; n < inputs.length; n++) {
            original[n] = inputs[n].clone();
        }
        int layers = network.weightLayerCount();
        ErrorPatterns none = ErrorPatterns.of(WeightErrors.none(layers));
        ErrorPatterns chips = ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, 1e-4, layers));
        Simulation simulation = new Simulation(2);
        simulation.run(network, inputs, none, 0, 3); // no trial, nothing inferred: nothing to keep
        assertSame(new Simulation(1).run(network, original, chips, 2, 3), simulation.run(network, inputs, chips, 2, 3));
        simulation.run(network, inputs, none, 1, 3);
        long[][] others = RandomNetworks.inputs(network, 200, 9);
        for (int n = 0; n < inputs.length; n++) {
            System.arraycopy(others[n], 0, inputs[n], 0, inputs[n].length);
        }
        assertSame(new Simulation(1).run(network, others, chips, 2, 3), simulation.run(network, inputs, chips, 2, 3));
    }

    private static void assertSame(SimulationResult expected, SimulationResult actual) {
        for (int trial = 0; trial < expected.predictions().length; trial++) {
            assertArrayEquals(expected.predictions()[trial], actual.predictions()[trial], "trial " + trial);
            assertArrayEquals(expected.tied()[trial], actual.tied()[trial], "trial " + trial);
        }
    }

    @Test
    void aCleanRunServesOnlyChipsOfItsNetworkOnItsInputs() {
        BinaryNetwork network = RandomNetworks.create(DEEP, 1);
        long[][] inputs = RandomNetworks.inputs(network, 20, 2);
        CleanRun clean = new CleanRun(network, inputs);
        network.newScratch().predictAll(inputs, 0, inputs.length, new int[inputs.length], null, clean);
        int layers = network.weightLayerCount();
        long[][] few = WeightErrors.uniform(Resampling.PER_CHIP, 1e-3, layers).flips(ErrorKeys.chip(3, 0), weightsPerLayer(network));
        BinaryNetwork chip = network.withWeightFlips(few);
        assertTrue(chip.worthStartingFrom(clean));
        assertFalse(network.worthStartingFrom(clean), "the network itself is no chip");
        assertFalse(chip.withWeightFlips(few).worthStartingFrom(clean), "a chip of a chip starts from a run of its chip");
        long[][] many = WeightErrors.uniform(Resampling.PER_CHIP, 0.2, layers).flips(ErrorKeys.chip(3, 0), weightsPerLayer(network));
        assertFalse(network.withWeightFlips(many).worthStartingFrom(clean), "most neurons flipped: a full inference is cheaper");
        BinaryNetwork other = RandomNetworks.create(DEEP, 9).withWeightFlips(few);
        assertFalse(other.worthStartingFrom(clean), "a chip of another network");
        long[][] otherInputs = inputs.clone();
        assertFalse(clean.isOf(network, otherInputs));
        assertThrows(IllegalArgumentException.class,
                () -> chip.newScratch().predictAllFrom(clean, otherInputs, 0, 20, new int[20], null));
        assertThrows(IllegalArgumentException.class,
                () -> other.newScratch().predictAllFrom(clean, inputs, 0, 20, new int[20], null));
    }

    @Test
    void denseNetworksAndConvNetworksWithSmallOutputsKeepCleanRuns() {
        for (NetworkSpec spec : new NetworkSpec[] {TestSpecs.dense(), TestSpecs.bitSerialDense(), TestSpecs.convMaxPool(),
            TestSpecs.convAveragePool(), TestSpecs.bitSerialConv()}) {
            assertTrue(RandomNetworks.create(spec, 1).supportsCleanRuns(), spec.name());
        }
        // 32 × 32 × 64 output bits, 1,024 words per input: more than a clean run keeps.
        NetworkSpec wide = NetworkSpec.builder("WideConv", "img", 32, 32, 3).conv("c", 64, 3, 1, new Padding(1, -1)).output("out", 2)
                .build();
        BinaryNetwork network = RandomNetworks.create(wide, 1);
        assertFalse(network.supportsCleanRuns());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CleanRun(network, RandomNetworks.inputs(network, 2, 1)));
        assertTrue(e.getMessage().contains("WideConv"), e.getMessage());
    }

    private static long[] weightsPerLayer(BinaryNetwork network) {
        return Simulation.weightsPerLayer(network);
    }
}
