package org.bnn.train;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.train.kernel.MatrixKernel;
import org.bnn.train.kernel.Workers;
import org.bnn.train.model.BinaryNet;
import org.bnn.train.model.InputScaling;
import org.bnn.train.optim.Adam;

/**
 * Trains the network a {@link NetworkSpec} describes, BinaryNet-style (Courbariaux et al. 2016):
 * latent real weights clipped to [−1, 1], sign() in the forward pass, straight-through gradients,
 * batch norm, softmax cross-entropy, Adam. The input is scaled exactly as the simulator encodes it,
 * and {@link TrainingResult#parameters()} are the exported network whose folded thresholds
 * reproduce the trained network's evaluation-mode decisions. Seeded and deterministic: the same
 * configuration gives bit-identical parameters at any thread count, and resuming a checkpoint gives
 * the same result as an uninterrupted run.
 */
public final class Trainer {
    private static final long INIT_STREAM = 1;
    private static final long SHUFFLE_STREAM = 2;
    private static final long FLIP_STREAM = 3;
    /** Images per evaluation pass: small enough for conv unfolding to stay in memory. */
    private static final int EVAL_CHUNK = 200;

    private Trainer() {
    }

    /**
     * Trains on {@code train}, measures the exported network on {@code test} after every epoch (may be
     * null), and reports to {@code listener}. Images must have the network's input size and labels
     * must be classes of its output layer.
     */
    public static TrainingResult train(NetworkSpec spec, TrainingConfig config, Dataset train, Dataset test, TrainingListener listener) {
        check(spec, train, "training");
        if (test != null) {
            check(spec, test, "test");
        }
        if (train.size() < config.batchSize()) {
            throw new IllegalArgumentException(
                    "the training set has " + train.size() + " images, fewer than one batch of " + config.batchSize());
        }
        try (Workers workers = new Workers(config.threads())) {
            BinaryNet network = new BinaryNet(spec, KeyedRandom.key(config.seed(), INIT_STREAM), new MatrixKernel(workers));
            Checkpoint.State state = new Checkpoint.State(0, 0, List.of());
            if (config.checkpoint() != null && Files.isRegularFile(config.checkpoint())) {
                state = Checkpoint.restore(config.checkpoint(), network, config);
            }
            List<EpochStats> stats = new ArrayList<>(state.stats());
            Adam adam = new Adam(workers, state.adamSteps());
            int batch = config.batchSize();
            int batches = train.size() / batch;
            listener.started(state.epochsDone(), config.epochs(), batches);
            for (int epoch = state.epochsDone(); epoch < config.epochs(); epoch++) {
                long start = System.nanoTime();
                double rate = config.learningRate(epoch);
                int[] order = permutation(train.size(), KeyedRandom.key(KeyedRandom.key(config.seed(), SHUFFLE_STREAM), epoch));
                long flipKey = KeyedRandom.key(KeyedRandom.key(config.seed(), FLIP_STREAM), epoch);
                InputScaling scaling = network.inputScaling();
                double lossSum = 0;
                long correct = 0;
                for (int b = 0; b < batches; b++) {
                    float[] x = scaling.rows(train, order, b * batch, batch);
                    network.prepareWeights(config.injectBer(), KeyedRandom.key(flipKey, b));
                    float[] scores = network.forward(x, batch);
                    float[] gradient = new float[scores.length];
                    int classes = scores.length / batch;
                    for (int r = 0; r < batch; r++) {
                        int label = train.label(order[b * batch + r]);
                        lossSum += SoftmaxCrossEntropy.lossAndGradient(scores, r * classes, classes, label, 1.0 / batch, gradient);
                        if (SoftmaxCrossEntropy.argmax(scores, r * classes, classes) == label) {
                            correct++;
                        }
                    }
                    network.backward(gradient, batch);
                    adam.step(network.parameters(), rate);
                    listener.batchEnded(epoch, b, lossSum / ((b + 1) * (double) batch), correct / ((b + 1) * (double) batch));
                }
                if (config.statisticsBatches() > 0) {
                    List<float[]> batchesForStatistics = new ArrayList<>();
                    for (int b = 0; b < Math.min(batches, config.statisticsBatches()); b++) {
                        batchesForStatistics.add(scaling.rows(train, order, b * batch, batch));
                    }
                    network.recalibrate(batchesForStatistics, batch);
                }
                double testAccuracy = test == null ? Double.NaN : accuracy(network, test);
                EpochStats epochStats = new EpochStats(epoch, lossSum / (batches * (double) batch), correct / (batches * (double) batch),
                        testAccuracy, rate, (System.nanoTime() - start) / 1e9);
                stats.add(epochStats);
                if (config.checkpoint() != null) {
                    Checkpoint.save(config.checkpoint(), network, config, new Checkpoint.State(epoch + 1, adam.steps(), stats));
                }
                listener.epochEnded(epochStats);
                if (epoch + 1 < config.epochs() && listener.stopRequested()) {
                    return new TrainingResult(network.export(), stats, false);
                }
            }
            return new TrainingResult(network.export(), stats, true);
        }
    }

    /** Accuracy of the exported network (what the simulator computes without errors) on {@code data}. */
    static double accuracy(BinaryNet network, Dataset data) {
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        long correct = 0;
        for (int from = 0; from < data.size(); from += EVAL_CHUNK) {
            int count = Math.min(EVAL_CHUNK, data.size() - from);
            int[] predictions = network.predict(network.inputScaling().rows(data, all, from, count), count);
            for (int r = 0; r < count; r++) {
                if (predictions[r] == data.label(from + r)) {
                    correct++;
                }
            }
        }
        return correct / (double) data.size();
    }

    /** A uniformly random order of 0..n−1 (Fisher–Yates), a pure function of the key. */
    static int[] permutation(int n, long key) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) ((KeyedRandom.bits(key, i) >>> 33) * (i + 1) >>> 31);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static void check(NetworkSpec spec, Dataset data, String role) {
        if (data.imageSize() != spec.inputSize()) {
            throw new IllegalArgumentException("the " + role + " set " + data.name() + " has images of " + data.imageSize()
                    + " values, network " + spec.name() + " reads " + spec.inputSize() + " (" + spec.input().shape() + ")");
        }
        if (data.classes() > spec.classes()) {
            throw new IllegalArgumentException("the " + role + " set " + data.name() + " has " + data.classes() + " classes, network "
                    + spec.name() + " predicts " + spec.classes());
        }
    }
}
