package org.bnn.train;

/** Hears of the trainer's progress; may ask it to stop after an epoch (the checkpoint then allows resuming). */
public interface TrainingListener {
    /** Before the first epoch that will run ({@code firstEpoch} > 0 when resuming a checkpoint). */
    default void started(int firstEpoch, int epochs, int batchesPerEpoch) {
    }

    /** After every batch, with the running means of the epoch so far. */
    default void batchEnded(int epoch, int batch, double meanLoss, double meanAccuracy) {
    }

    default void epochEnded(EpochStats stats) {
    }

    /** Checked after every epoch (and its checkpoint): true stops the training there. */
    default boolean stopRequested() {
        return false;
    }

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {
    };
}
