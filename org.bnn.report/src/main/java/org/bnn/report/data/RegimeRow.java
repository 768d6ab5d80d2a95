package org.bnn.report.data;

import org.bnn.runtime.checks.Checks;

/**
 * One programming regime in a side-by-side comparison: what it costs and what the network keeps.
 *
 * @param regime                   the regime's name
 * @param ber                      bit error rate of the weights under the regime, in [0, 1]
 * @param accuracyMean             mean accuracy over trials at that BER, in [0, 1]
 * @param accuracyStd              sample standard deviation of the accuracy over trials
 * @param programmingEnergyJoules  one-time energy of writing all weights, in joules
 * @param enduranceCycles          write cycles a device survives under the regime
 * @param energyPerInferenceJoules energy of one inference (the components the description gives), in joules
 */
public record RegimeRow(String regime, double ber, double accuracyMean, double accuracyStd, double programmingEnergyJoules,
        double enduranceCycles, double energyPerInferenceJoules) {
    public RegimeRow {
        Checks.name("RegimeRow", "regime", regime);
        String record = "RegimeRow(" + regime + ")";
        Checks.probability(record, "ber", ber);
        Checks.probability(record, "accuracyMean", accuracyMean);
        Checks.nonNegativeFinite(record, "accuracyStd", accuracyStd);
        Checks.nonNegativeFinite(record, "programmingEnergyJoules", programmingEnergyJoules);
        Checks.positiveFinite(record, "enduranceCycles", enduranceCycles);
        Checks.nonNegativeFinite(record, "energyPerInferenceJoules", energyPerInferenceJoules);
    }
}
