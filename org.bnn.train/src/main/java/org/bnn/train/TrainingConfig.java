package org.bnn.train;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How to train: {@code epochs} passes over the training set in mini-batches of {@code batchSize}
 * (a shuffled order per epoch; the last incomplete batch is left out), Adam with a learning rate that
 * decays exponentially from {@code learningRate} in the first epoch to {@code finalLearningRate} in
 * the last, weight flips at {@code injectBer} in every training forward pass (0 = plain training),
 * everything drawn from {@code seed}; {@code threads} workers (results do not depend on it); a
 * checkpoint file written after every epoch and resumed from when present (null = none); and, if
 * {@code statisticsBatches} &gt; 0, after every epoch the batch-norm statistics recomputed as the plain
 * average over that many training batches (see {@code BinaryNet.recalibrate}; 0 keeps the running averages).
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double finalLearningRate, double injectBer, long seed,
        int threads, Path checkpoint, int statisticsBatches) {
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("TrainingConfig.epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("TrainingConfig.batchSize must be at least 2 (batch norm needs a batch), got " + batchSize);
        }
        if (!(learningRate > 0 && finalLearningRate > 0 && learningRate < Double.POSITIVE_INFINITY
                && finalLearningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "TrainingConfig learning rates must be positive, got " + learningRate + " and " + finalLearningRate);
        }
        if (!(injectBer >= 0 && injectBer < 0.5)) {
            throw new IllegalArgumentException("TrainingConfig.injectBer must be in [0, 0.5), got " + injectBer);
        }
        if (statisticsBatches < 0) {
            throw new IllegalArgumentException("TrainingConfig.statisticsBatches must be non-negative, got " + statisticsBatches);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("TrainingConfig.threads must be at least 1, got " + threads);
        }
    }

    /**
     * The usual settings: learning rate decaying to a hundredth of {@code learningRate}, as many
     * threads as processors.
     */
    public static TrainingConfig of(int epochs, int batchSize, double learningRate, double injectBer, long seed, Path checkpoint) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRate / 100, injectBer, seed,
                Runtime.getRuntime().availableProcessors(), checkpoint, 0);
    }

    public TrainingConfig withThreads(int count) {
        return new TrainingConfig(epochs, batchSize, learningRate, finalLearningRate, injectBer, seed, count, checkpoint,
                statisticsBatches);
    }

    public TrainingConfig withCheckpoint(Path file) {
        return new TrainingConfig(epochs, batchSize, learningRate, finalLearningRate, injectBer, seed, threads, file, statisticsBatches);
    }

    public TrainingConfig withFinalLearningRate(double rate) {
        return new TrainingConfig(epochs, batchSize, learningRate, rate, injectBer, seed, threads, checkpoint, statisticsBatches);
    }

    public TrainingConfig withStatisticsBatches(int batches) {
        return new TrainingConfig(epochs, batchSize, learningRate, finalLearningRate, injectBer, seed, threads, checkpoint, batches);
    }

    /** The learning rate of epoch e (0-based). */
    public double learningRate(int epoch) {
        return epochs == 1 ? learningRate : learningRate * Math.pow(finalLearningRate / learningRate, (double) epoch / (epochs - 1));
    }

    /** Everything that changes the result (not the threads, not the checkpoint path): checked when resuming. */
    public String fingerprint() {
        return String.format(Locale.ROOT, "epochs=%d batch=%d lr=%s final-lr=%s ber=%s seed=%d", epochs, batchSize, learningRate,
                finalLearningRate, injectBer, seed) + (statisticsBatches > 0 ? " bn-statistics-batches=" + statisticsBatches : "");
    }
}
