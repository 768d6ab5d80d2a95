package org.bnn.runtime.experiment;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.spec.NetworkSpec;

/**
 * A training run as a description states it (the trainer itself is module org.bnn.train).
 *
 * @param data              the training data; the trainer monitors the same dataset's test split
 * @param learningRate      Adam's learning rate in the first epoch
 * @param finalLearningRate the rate in the last epoch (exponential decay in between)
 * @param injectBer         weight flips per forward pass during training (error-aware training); 0 for none
 * @param statisticsBatches after every epoch, batch-norm statistics recomputed over this many
 *                          training batches; 0 keeps the running averages
 * @param save              the .npz file written (relative paths: to the description's folder); a
 *                          checkpoint is kept next to it, so an interrupted run resumes
 */
public record TrainingSpec(String name, NetworkSpec network, InputSource.Dataset data, int epochs, int batch, double learningRate,
        double finalLearningRate, double injectBer, long seed, int statisticsBatches, String save) {
    /** Defaults of a training block: 20 epochs of batches of 100, Adam 3e-3 decaying to a hundredth. */
    public static final int DEFAULT_EPOCHS = 20;
    public static final int DEFAULT_BATCH = 100;
    public static final double DEFAULT_LEARNING_RATE = 3e-3;
    public static final double DEFAULT_DECAY = 100;

    public TrainingSpec {
        Checks.name("TrainingSpec", "name", name);
        Checks.present("TrainingSpec", "network", network);
        Checks.present("TrainingSpec", "data", data);
        Checks.positive("TrainingSpec", "epochs", epochs);
        if (batch < 2) {
            throw new SpecViolation("TrainingSpec(" + name + ")", "batch", Problem.OUT_OF_RANGE,
                    "TrainingSpec(" + name + ").batch must be at least 2 (batch norm needs a batch), got " + batch);
        }
        Checks.positiveFinite("TrainingSpec", "learningRate", learningRate);
        Checks.positiveFinite("TrainingSpec", "finalLearningRate", finalLearningRate);
        if (!(injectBer >= 0 && injectBer < 0.5)) {
            throw new SpecViolation("TrainingSpec(" + name + ")", "injectBer", Problem.OUT_OF_RANGE,
                    "TrainingSpec(" + name + ").injectBer must be in [0, 0.5), got " + injectBer);
        }
        if (statisticsBatches < 0) {
            throw new SpecViolation("TrainingSpec(" + name + ")", "statisticsBatches", Problem.NEGATIVE,
                    "TrainingSpec(" + name + ").statisticsBatches must be non-negative, got " + statisticsBatches);
        }
        Checks.name("TrainingSpec", "save", save);
    }

    /** The checkpoint file kept next to the weights: {@code save} + ".checkpoint". */
    public String checkpoint() {
        return save + ".checkpoint";
    }
}
