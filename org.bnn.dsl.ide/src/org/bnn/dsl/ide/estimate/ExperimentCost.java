package org.bnn.dsl.ide.estimate;

import java.util.List;
import java.util.Optional;

import org.bnn.runtime.estimate.MappingEstimate;

/**
 * The estimate behind an experiment: its mapping, the BER points it sweeps and the error rate of
 * the mapping's programming regime, if the description gives one.
 */
public record ExperimentCost(String experimentName, MappingEstimate mapping, List<Double> berPoints, Optional<RegimeBer> regimeBer) {
    public ExperimentCost {
        berPoints = List.copyOf(berPoints);
    }

    /** Expected flipped weights of one chip at {@code ber}: stored weights × BER. */
    public double expectedBitErrors(double ber) {
        return mapping.weights() * ber;
    }
}
