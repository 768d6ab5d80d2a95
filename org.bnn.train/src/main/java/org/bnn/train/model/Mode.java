package org.bnn.train.model;

/** Training (batch statistics, weight flips if error-aware) or evaluation (running statistics, the exported network). */
public enum Mode {
    TRAIN,
    EVAL
}
