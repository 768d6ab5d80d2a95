package org.bnn.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.train.kernel.MatrixKernel;
import org.bnn.train.kernel.Workers;
import org.bnn.train.model.BinaryNet;
import org.bnn.train.optim.Adam;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported parameters make the simulator decide exactly as the trainer's evaluation-mode float
 * network: same predicted class for every input, ties included (both take the lowest index among
 * equal scores, computed by the same output affine), for every layer kind and input encoding.
 */
class ExportMatchesSimulatorTest {

    static Stream<Arguments> networks() {
        return Stream.of(Arguments.of(TestNetworks.mlp(TestNetworks.bitSerial())), Arguments.of(TestNetworks.mlp(TestNetworks.binarized())),
                Arguments.of(TestNetworks.conv(TestNetworks.bitSerial())), Arguments.of(TestNetworks.conv(TestNetworks.binarized())),
                Arguments.of(TestNetworks.stridedConv(TestNetworks.bitSerial())));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("networks")
    void simulatorPredictsWhatTheFloatNetworkPredicts(NetworkSpec spec) {
        Dataset train = SyntheticData.images(400, 1, Split.TRAIN);
        Dataset test = SyntheticData.images(300, 2, Split.TEST);
        try (Workers workers = new Workers(2)) {
            BinaryNet net = trainedOneEpoch(spec, train, workers);
            int[] all = java.util.stream.IntStream.range(0, test.size()).toArray();
            int[] trainer = net.predict(net.inputScaling().rows(test, all, 0, test.size()), test.size());
            BinaryNetwork simulator = BinaryNetwork.create(spec, net.export());
            BinaryNetwork.Scratch scratch = simulator.newScratch();
            int ties = 0;
            List<Integer> classesSeen = new java.util.ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                int predicted = scratch.predict(simulator.encode(test.image(i)));
                assertEquals(trainer[i], predicted, "input " + i);
                ties += scratch.lastSharingMaximum() > 1 ? 1 : 0;
                if (!classesSeen.contains(predicted)) {
                    classesSeen.add(predicted);
                }
            }
            assertTrue(classesSeen.size() >= 2, "a network that predicts one class proves little: " + classesSeen);
            System.out.println(spec.name() + ": " + test.size() + " predictions equal, " + ties + " of them ties");
        }
    }

    /** A network after one epoch of plain training on {@code train}, for non-trivial weights and statistics. */
    static BinaryNet trainedOneEpoch(NetworkSpec spec, Dataset train, Workers workers) {
        BinaryNet net = new BinaryNet(spec, 7, new MatrixKernel(workers));
        Adam adam = new Adam(workers, 0);
        int batch = 20;
        int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
        for (int b = 0; b < train.size() / batch; b++) {
            float[] x = net.inputScaling().rows(train, order, b * batch, batch);
            net.prepareWeights(0, b);
            float[] scores = net.forward(x, batch);
            float[] gradient = new float[scores.length];
            int classes = spec.classes();
            for (int r = 0; r < batch; r++) {
                for (int k = 0; k < classes; k++) {
                    gradient[r * classes + k] = (float) ((k == train.label(b * batch + r) ? -1.0 : 0.25) / batch);
                }
            }
            net.backward(gradient, batch);
            adam.step(net.parameters(), 1e-2);
        }
        return net;
    }
}
