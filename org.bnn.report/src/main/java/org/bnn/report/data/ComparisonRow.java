package org.bnn.report.data;

import java.util.OptionalDouble;

import org.bnn.runtime.checks.Checks;

/**
 * One mapping under one programming regime, in a comparison of mappings (an experiment run on
 * several): how its cells read, what the network keeps, and what it costs. Energies are per
 * inference unless said otherwise; an empty energy is one the description gives no unit energy
 * for (not estimated, never zero).
 *
 * @param mapping                  the mapping's name
 * @param cells                    its tile's cell technology, as the language writes it ("1T1R + secded(72,64)")
 * @param read                     how a weight is read under the regime ("1T1R, reference 46.1 kOhm (best)")
 * @param regime                   the regime's name
 * @param rawBer                   analytic bit error rate of one stored bit's read, before any decoding
 * @param decodedBer               analytic bit error rate of a weight after decoding; empty without a code
 * @param seenBer                  the share of weights the simulated chips read inverted (after
 *                                 decoding), counted over all trials; empty unless errors were per chip
 * @param accuracyMean             mean accuracy (or agreement, without labels) over trials, in [0, 1]
 * @param accuracyStd              its sample standard deviation
 * @param trials                   chip instances simulated
 * @param cellCount                cells that hold the weights, check bits included (an area proxy)
 * @param devices                  resistive devices in those cells (one transistor each)
 * @param senseJoules              sense energy of one inference
 * @param decodeJoules             decode energy of one inference (0 without a code)
 * @param programmingJoules        one-time energy of writing all those cells under the regime
 * @param energyPerInferenceJoules energy of one inference, the components the description gives
 */
public record ComparisonRow(String mapping, String cells, String read, String regime, double rawBer, OptionalDouble decodedBer,
        OptionalDouble seenBer, double accuracyMean, double accuracyStd, int trials, long cellCount, long devices,
        OptionalDouble senseJoules, OptionalDouble decodeJoules, OptionalDouble programmingJoules, double energyPerInferenceJoules) {
    public ComparisonRow {
        Checks.name("ComparisonRow", "mapping", mapping);
        String record = "ComparisonRow(" + mapping + ", " + regime + ")";
        Checks.name(record, "cells", cells);
        Checks.name(record, "read", read);
        Checks.name(record, "regime", regime);
        Checks.probability(record, "rawBer", rawBer);
        probability(record, "decodedBer", decodedBer);
        probability(record, "seenBer", seenBer);
        Checks.probability(record, "accuracyMean", accuracyMean);
        Checks.nonNegativeFinite(record, "accuracyStd", accuracyStd);
        Checks.positive(record, "trials", trials);
        Checks.nonNegative(record, "cellCount", cellCount);
        Checks.nonNegative(record, "devices", devices);
        Checks.nonNegativeFinite(record, "senseJoules", senseJoules);
        Checks.nonNegativeFinite(record, "decodeJoules", decodeJoules);
        Checks.nonNegativeFinite(record, "programmingJoules", programmingJoules);
        Checks.nonNegativeFinite(record, "energyPerInferenceJoules", energyPerInferenceJoules);
    }

    /** The bit error rate the network's weights see: after decoding with a code, else the raw one. */
    public double networkBer() {
        return decodedBer.orElse(rawBer);
    }

    /** Sense plus decode energy of one inference, if both are known. */
    public OptionalDouble senseAndDecodeJoules() {
        return senseJoules.isPresent() && decodeJoules.isPresent()
                ? OptionalDouble.of(senseJoules.getAsDouble() + decodeJoules.getAsDouble())
                : OptionalDouble.empty();
    }

    private static void probability(String record, String field, OptionalDouble value) {
        Checks.present(record, field, value);
        if (value.isPresent()) {
            Checks.probability(record, field, value.getAsDouble());
        }
    }
}
