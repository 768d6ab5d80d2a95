package org.bnn.runtime.experiment;

import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.checks.Checks;

/**
 * One point of a sweep, on one mapping.
 *
 * @param mapping   the name of the mapping the point was run on
 * @param label     what the point varies: the BER, the regime's name or the erring layer's name
 * @param ber       the bit error rate of one stored bit's read at this point: the swept BER, or for a
 *                  regime the analytic raw BER of the mapping's cells (device level: the mean over
 *                  chips and reads). With a code it is the rate before decoding.
 * @param agreement per trial, the share of inputs whose prediction equals the error-free chip's
 * @param accuracy  per trial, the share of inputs predicted as labelled (datasets only)
 * @param seenBer   with per-chip errors, the share of all weights the trials' chips read inverted,
 *                  counted (after decoding, with a code); empty otherwise
 */
public record SweepPoint(String mapping, String label, double ber, TrialStatistics agreement, Optional<TrialStatistics> accuracy,
        OptionalDouble seenBer) {
    public SweepPoint {
        Checks.name("SweepPoint", "mapping", mapping);
        Checks.name("SweepPoint", "label", label);
        Checks.present("SweepPoint", "agreement", agreement);
        Checks.present("SweepPoint", "accuracy", accuracy);
        Checks.present("SweepPoint", "seenBer", seenBer);
    }

    /** What the study is about: accuracy when there are labels, else agreement. */
    public TrialStatistics metric() {
        return accuracy.orElse(agreement);
    }
}
