package org.bnn.train;

import java.util.List;

import org.bnn.runtime.engine.NetworkParameters;

/**
 * What training produced: the exported parameters (for {@code BinaryNetwork.create} or
 * {@code WeightsFile.write}), the statistics of every epoch (those of a resumed checkpoint
 * included), and whether all configured epochs ran ({@code false} if a listener stopped it early).
 */
public record TrainingResult(NetworkParameters parameters, List<EpochStats> epochs, boolean complete) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    /** Test accuracy after the last epoch (NaN if no epoch ran or there was no test set). */
    public double finalTestAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
    }
}
