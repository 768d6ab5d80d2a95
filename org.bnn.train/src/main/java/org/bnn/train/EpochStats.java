package org.bnn.train;

/**
 * One epoch of training: mean training loss (softmax cross-entropy) and accuracy on the training
 * batches as trained (batch statistics, flips if error-aware), accuracy of the exported network on
 * the test set (NaN when there is none), the learning rate used, and wall-clock seconds.
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double learningRate, double seconds) {
}
