package org.bnn.runtime.experiment;

import java.util.Optional;

import org.bnn.runtime.checks.Checks;

/**
 * One point of a sweep.
 *
 * @param label     what the point varies: the BER, the regime's name or the erring layer's name
 * @param ber       the bit error rate of one weight read at this point (for a regime: its analytic
 *                  2T2R BER, the mean over chips and reads)
 * @param agreement per trial, the share of inputs whose prediction equals the error-free chip's
 * @param accuracy  per trial, the share of inputs predicted as labelled (datasets only)
 */
public record SweepPoint(String label, double ber, TrialStatistics agreement, Optional<TrialStatistics> accuracy) {
    public SweepPoint {
        Checks.name("SweepPoint", "label", label);
        Checks.present("SweepPoint", "agreement", agreement);
        Checks.present("SweepPoint", "accuracy", accuracy);
    }

    /** What the study is about: accuracy when there are labels, else agreement. */
    public TrialStatistics metric() {
        return accuracy.orElse(agreement);
    }
}
