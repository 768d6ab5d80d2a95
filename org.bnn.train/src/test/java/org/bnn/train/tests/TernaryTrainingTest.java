package org.bnn.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.weights.WeightsFile;
import org.bnn.train.Trainer;
import org.bnn.train.TrainingConfig;
import org.bnn.train.TrainingListener;
import org.bnn.train.TrainingResult;
import org.bnn.train.kernel.Workers;
import org.bnn.train.model.BinaryNet;
import org.bnn.train.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ternary training (Li and Liu, arXiv 1605.04711): the exported −1/0/+1 weights make the simulator
 * decide exactly as the trainer's evaluation, the zeros are the latent weights below the layer's
 * threshold Δ = 0.7·mean|w|, results do not depend on the threads, and in a mixed network only the
 * ternary layer gets a nonzero mask.
 */
class TernaryTrainingTest {
    private static final Dataset TRAIN = TrainerTest.TRAIN;
    private static final Dataset TEST = TrainerTest.TEST;

    @TempDir
    Path dir;

    private static TrainingConfig config(int epochs, double ber, int threads) {
        return new TrainingConfig(epochs, 20, 1e-2, 1e-3, ber, 5, threads, null, 0);
    }

    static Stream<Arguments> networks() {
        // bit-serial input: the first layer multiplies floats; binarized: every layer reads packed planes x‖x.
        return Stream.of(Arguments.of(TestNetworks.ternaryMlp(TestNetworks.bitSerial())),
                Arguments.of(TestNetworks.ternaryMlp(TestNetworks.binarized())),
                Arguments.of(TestNetworks.ternaryConv(TestNetworks.bitSerial())),
                Arguments.of(TestNetworks.ternaryConv(TestNetworks.binarized())), Arguments.of(TestNetworks.mixedMlp()));
    }

    /** (a) The simulator, given the weight file, predicts what the trainer's evaluation predicts, for every test input. */
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("networks")
    void simulatorPredictsWhatTheTernaryNetworkPredicts(NetworkSpec spec) {
        try (Workers workers = new Workers(2)) {
            BinaryNet net = ExportMatchesSimulatorTest.trainedOneEpoch(spec, TRAIN, workers);
            int[] all = IntStream.range(0, TEST.size()).toArray();
            int[] trainer = net.predict(net.inputScaling().rows(TEST, all, 0, TEST.size()), TEST.size());
            Path file = dir.resolve(spec.name() + ".npz");
            WeightsFile.write(file, net.export());
            BinaryNetwork simulator = BinaryNetwork.create(spec, WeightsFile.read(file));
            List<Integer> classesSeen = new ArrayList<>();
            for (int i = 0; i < TEST.size(); i++) {
                int predicted = simulator.predict(simulator.encode(TEST.image(i)));
                assertEquals(trainer[i], predicted, "input " + i);
                if (!classesSeen.contains(predicted)) {
                    classesSeen.add(predicted);
                }
            }
            assertTrue(classesSeen.size() >= 2, "a network that predicts one class proves little: " + classesSeen);
        }
    }

    /**
     * (b) Every ternary layer's exported mask is |w| &gt; Δ with Δ = 0.7·mean|w| of its final latent
     * weights (computed here independently), its signs those of w, and a sensible share of it is zero.
     */
    @Test
    void exportedZerosAreTheLatentWeightsBelowTheThreshold() {
        NetworkSpec spec = TestNetworks.ternaryConv(TestNetworks.bitSerial());
        try (Workers workers = new Workers(2)) {
            BinaryNet net = ExportMatchesSimulatorTest.trainedOneEpoch(spec, TRAIN, workers);
            NetworkParameters exported = net.export();
            for (LayerParameters layer : exported.layers()) {
                float[] latent = latentOf(net, layer.layer());
                double sum = 0;
                for (float w : latent) {
                    sum += Math.abs(w);
                }
                double delta = 0.7 * sum / latent.length;
                assertNotNull(layer.nonzero(), layer.layer());
                int fanIn = layer.weights().fanIn();
                long zeros = 0;
                for (int i = 0; i < latent.length; i++) {
                    int k = i / fanIn;
                    int j = i % fanIn;
                    boolean nonzero = Math.abs(latent[i]) > delta;
                    assertEquals(nonzero, layer.nonzero().bit(k, j), layer.layer() + " weight " + i);
                    if (nonzero) {
                        assertEquals(latent[i] > 0, layer.weights().bit(k, j), layer.layer() + " sign of weight " + i);
                    }
                    zeros += nonzero ? 0 : 1;
                }
                double share = zeros / (double) latent.length;
                System.out.printf("%s: Δ = %.4f, %.1f %% of %d weights zero%n", layer.layer(), delta, 100 * share, latent.length);
                assertTrue(share > 0.2 && share < 0.6, layer.layer() + ": zero share " + share);
            }
        }
    }

    private static float[] latentOf(BinaryNet net, String layer) {
        for (Parameter p : net.parameters()) {
            if (p.name().equals(layer + "/latent")) {
                return p.value();
            }
        }
        throw new AssertionError("no latent weights for " + layer);
    }

    /** Trainer.train learns the synthetic problem with ternary weights, and its reported accuracy is the simulator's. */
    @Test
    void ternaryMlpLearnsAndItsReportedAccuracyIsTheSimulators() {
        NetworkSpec spec = TestNetworks.ternaryMlp(TestNetworks.bitSerial());
        TrainingResult result = Trainer.train(spec, config(4, 0, 2), TRAIN, TEST, TrainingListener.NONE);
        BinaryNetwork simulator = BinaryNetwork.create(spec, result.parameters());
        int correct = 0;
        for (int i = 0; i < TEST.size(); i++) {
            correct += simulator.predict(simulator.encode(TEST.image(i))) == TEST.label(i) ? 1 : 0;
        }
        double accuracy = correct / (double) TEST.size();
        assertEquals(result.finalTestAccuracy(), accuracy, 1e-12, "the trainer's evaluation is the simulator's");
        assertTrue(accuracy >= 0.9, "test accuracy " + accuracy);
    }

    /** (c) Same seed at 1 and 2 threads: byte-identical weight files (error-aware, ternary conv with both pools); another seed differs. */
    @Test
    void weightFilesDoNotDependOnThreads() throws IOException {
        NetworkSpec spec = TestNetworks.ternaryConv(TestNetworks.bitSerial());
        Path one = dir.resolve("one.npz");
        Path two = dir.resolve("two.npz");
        Path otherSeed = dir.resolve("other.npz");
        WeightsFile.write(one, Trainer.train(spec, config(2, 0.05, 1), TRAIN, TEST, TrainingListener.NONE).parameters());
        WeightsFile.write(two, Trainer.train(spec, config(2, 0.05, 2), TRAIN, TEST, TrainingListener.NONE).parameters());
        WeightsFile.write(otherSeed, Trainer.train(spec, new TrainingConfig(2, 20, 1e-2, 1e-3, 0.05, 6, 2, null, 0), TRAIN, TEST,
                TrainingListener.NONE).parameters());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(otherSeed)), "the seed must matter");
    }

    /** (d) A network with one ternary layer trains, and only that layer is exported (and saved) with a nonzero mask. */
    @Test
    void aMixedNetworkExportsAMaskOnlyForItsTernaryLayer() throws IOException {
        NetworkSpec spec = TestNetworks.mixedMlp();
        TrainingResult result = Trainer.train(spec, config(3, 0, 2), TRAIN, TEST, TrainingListener.NONE);
        NetworkParameters parameters = result.parameters();
        assertNull(parameters.layers().get(0).nonzero(), "fc1 is binary");
        assertNotNull(parameters.layers().get(1).nonzero(), "fc2 is ternary");
        assertNull(parameters.layers().get(2).nonzero(), "out is binary");
        Path file = dir.resolve("mixed.npz");
        WeightsFile.write(file, parameters);
        List<String> masks = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(n -> n.contains("nonzero")).forEach(masks::add);
        }
        assertEquals(List.of("fc2/nonzero.npy"), masks);
        assertEquals(parameters, WeightsFile.read(file));
        assertTrue(result.finalTestAccuracy() >= 0.9, "test accuracy " + result.finalTestAccuracy());
        assertNotEquals(0, countZeros(parameters.layers().get(1)), "the ternary layer has zeros");
    }

    private static long countZeros(LayerParameters layer) {
        long zeros = 0;
        for (int k = 0; k < layer.nonzero().rows(); k++) {
            for (int j = 0; j < layer.nonzero().fanIn(); j++) {
                zeros += layer.nonzero().bit(k, j) ? 0 : 1;
            }
        }
        return zeros;
    }
}
