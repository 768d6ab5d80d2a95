package org.bnn.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.train.EpochStats;
import org.bnn.train.Trainer;
import org.bnn.train.TrainingConfig;
import org.bnn.train.TrainingListener;
import org.bnn.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Convergence, determinism across thread counts, checkpoint and resume, and error-aware training. */
class TrainerTest {
    static final Dataset TRAIN = SyntheticData.images(600, 11, Split.TRAIN);
    static final Dataset TEST = SyntheticData.images(300, 12, Split.TEST);

    @TempDir
    Path dir;

    private static TrainingConfig config(int epochs, double ber, int threads) {
        return new TrainingConfig(epochs, 20, 1e-2, 1e-3, ber, 5, threads, null, 0);
    }

    /**
     * Accuracy of the exported network in the simulator, with the stored bits of each layer (a ternary
     * layer's two planes) flipped at {@code ber} (one chip).
     */
    private static double simulatedAccuracy(NetworkSpec spec, TrainingResult result, double ber, long chip) {
        BinaryNetwork network = BinaryNetwork.create(spec, result.parameters());
        if (ber > 0) {
            long[][] flips = new long[network.weightLayerCount()][];
            for (int l = 0; l < flips.length; l++) {
                flips[l] = NestedFlips.positions(KeyedRandom.key(chip, l), network.weights(l).size(), ber);
            }
            network = network.withWeightFlips(flips);
        }
        int correct = 0;
        for (int i = 0; i < TEST.size(); i++) {
            correct += network.predict(network.encode(TEST.image(i))) == TEST.label(i) ? 1 : 0;
        }
        return correct / (double) TEST.size();
    }

    @Test
    void mlpLearnsTheSyntheticProblem() {
        NetworkSpec spec = TestNetworks.mlp(TestNetworks.bitSerial());
        TrainingResult result = Trainer.train(spec, config(6, 0, 2), TRAIN, TEST, TrainingListener.NONE);
        assertTrue(result.complete());
        assertEquals(6, result.epochs().size());
        double accuracy = simulatedAccuracy(spec, result, 0, 0);
        assertEquals(result.finalTestAccuracy(), accuracy, 1e-12, "the trainer's evaluation is the simulator's");
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
        assertTrue(result.epochs().get(5).trainLoss() < result.epochs().get(0).trainLoss() / 2, result.epochs().toString());
    }

    @Test
    void convNetworkLearnsTheSyntheticProblem() {
        NetworkSpec spec = TestNetworks.conv(TestNetworks.binarized());
        TrainingResult result = Trainer.train(spec, config(5, 0, 2), TRAIN, TEST, TrainingListener.NONE);
        double accuracy = simulatedAccuracy(spec, result, 0, 0);
        assertTrue(accuracy >= 0.9, "test accuracy " + accuracy);
    }

    /** Same seed, 1 and 3 threads: bit-identical parameters and statistics (error-aware, conv with both pools). */
    @Test
    void resultsDoNotDependOnThreads() {
        NetworkSpec spec = TestNetworks.conv(TestNetworks.bitSerial());
        TrainingResult one = Trainer.train(spec, config(2, 0.05, 1), TRAIN, TEST, TrainingListener.NONE);
        TrainingResult three = Trainer.train(spec, config(2, 0.05, 3), TRAIN, TEST, TrainingListener.NONE);
        assertEquals(one.parameters(), three.parameters());
        assertEquals(withoutTimes(one.epochs()), withoutTimes(three.epochs()));
        TrainingResult otherSeed = Trainer.train(spec, new TrainingConfig(2, 20, 1e-2, 1e-3, 0.05, 6, 1, null, 0), TRAIN, TEST,
                TrainingListener.NONE);
        assertNotEquals(one.parameters(), otherSeed.parameters(), "the seed must matter");
    }

    /**
     * Stopped after one epoch and resumed from the checkpoint = three epochs in one go, bit for bit
     * (with error-aware training and batch-norm statistics recomputed after every epoch).
     */
    @Test
    void resumingACheckpointGivesTheUninterruptedResult() {
        NetworkSpec spec = TestNetworks.mlp(TestNetworks.binarized());
        TrainingResult uninterrupted = Trainer.train(spec, config(3, 0.02, 2).withStatisticsBatches(5), TRAIN, TEST,
                TrainingListener.NONE);
        Path checkpoint = dir.resolve("run.ckpt.npz");
        TrainingConfig withCheckpoint = config(3, 0.02, 2).withStatisticsBatches(5).withCheckpoint(checkpoint);
        TrainingResult first = Trainer.train(spec, withCheckpoint, TRAIN, TEST, new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return true;
            }
        });
        assertFalse(first.complete());
        assertEquals(1, first.epochs().size());
        assertTrue(Files.isRegularFile(checkpoint));
        int[] resumedFrom = {-1};
        TrainingResult resumed = Trainer.train(spec, withCheckpoint.withThreads(1), TRAIN, TEST, new TrainingListener() {
            @Override
            public void started(int firstEpoch, int epochs, int batchesPerEpoch) {
                resumedFrom[0] = firstEpoch;
            }
        });
        assertEquals(1, resumedFrom[0]);
        assertTrue(resumed.complete());
        assertEquals(uninterrupted.parameters(), resumed.parameters());
        assertEquals(withoutTimes(uninterrupted.epochs()), withoutTimes(resumed.epochs()));
    }

    /** Recomputed batch-norm statistics change the exported network, and the trainer's evaluation is still the simulator's. */
    @Test
    void recomputedStatisticsAreExportedExactly() {
        NetworkSpec spec = TestNetworks.conv(TestNetworks.bitSerial());
        TrainingResult running = Trainer.train(spec, config(2, 0, 2), TRAIN, TEST, TrainingListener.NONE);
        TrainingResult averaged = Trainer.train(spec, config(2, 0, 2).withStatisticsBatches(30), TRAIN, TEST, TrainingListener.NONE);
        assertNotEquals(running.parameters(), averaged.parameters());
        assertEquals(averaged.finalTestAccuracy(), simulatedAccuracy(spec, averaged, 0, 0), 1e-12);
    }

    @Test
    void aCheckpointOfAnotherTrainingIsRefused() {
        NetworkSpec spec = TestNetworks.mlp(TestNetworks.binarized());
        Path checkpoint = dir.resolve("other.ckpt.npz");
        Trainer.train(spec, config(1, 0, 1).withCheckpoint(checkpoint), TRAIN, TEST, TrainingListener.NONE);
        WeightsException e = assertThrows(WeightsException.class,
                () -> Trainer.train(spec, config(2, 0, 1).withCheckpoint(checkpoint), TRAIN, TEST, TrainingListener.NONE));
        assertTrue(e.getMessage().contains(checkpoint.toString()) && e.getMessage().contains("belongs to another training"),
                e.getMessage());
    }

    /**
     * Binary weights flipped at 15 %; ternary ones at 40 %, each of their two stored planes inverted at
     * half of it (the simulator's weight-level errors): a plane error moves a weight one step, rarely to
     * the opposite sign, and at 15 % both ternary networks still classify every test image right.
     */
    static Stream<Arguments> errorAwareCases() {
        return Stream.of(Arguments.of(TestNetworks.mlp(TestNetworks.bitSerial()), 0.15, 0.15),
                Arguments.of(TestNetworks.ternaryMlp(TestNetworks.bitSerial()), 0.4, 0.2));
    }

    /**
     * Trained with errors at {@code ber}, the network keeps more accuracy on chips whose stored bits
     * are flipped at {@code storedBitRate} (the same errors) than the same network trained without
     * (mean over 8 chips).
     */
    @ParameterizedTest(name = "{index}: {0} at BER {1}")
    @MethodSource("errorAwareCases")
    void errorAwareTrainingToleratesTheErrorsItWasTrainedWith(NetworkSpec spec, double ber, double storedBitRate) {
        TrainingResult plain = Trainer.train(spec, config(6, 0, 2), TRAIN, TEST, TrainingListener.NONE);
        TrainingResult aware = Trainer.train(spec, config(6, ber, 2), TRAIN, TEST, TrainingListener.NONE);
        double plainUnderErrors = 0;
        double awareUnderErrors = 0;
        for (long chip = 0; chip < 8; chip++) {
            plainUnderErrors += simulatedAccuracy(spec, plain, storedBitRate, chip) / 8;
            awareUnderErrors += simulatedAccuracy(spec, aware, storedBitRate, chip) / 8;
        }
        System.out.printf("%s at BER %.2f: plain %.3f, error-aware %.3f%n", spec.name(), ber, plainUnderErrors, awareUnderErrors);
        assertTrue(awareUnderErrors > plainUnderErrors + 0.01, "error-aware " + awareUnderErrors + " vs plain " + plainUnderErrors);
    }

    @Test
    void imagesMustFitTheNetwork() {
        NetworkSpec spec = NetworkSpec.builder("Wide", "x", 100).output("out", 4).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(spec, config(1, 0, 1), TRAIN, TEST, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("has images of 64 values, network Wide reads 100"), e.getMessage());
    }

    private static List<EpochStats> withoutTimes(List<EpochStats> stats) {
        return stats.stream().map(s -> new EpochStats(s.epoch(), s.trainLoss(), s.trainAccuracy(), s.testAccuracy(), s.learningRate(), 0))
                .toList();
    }
}
