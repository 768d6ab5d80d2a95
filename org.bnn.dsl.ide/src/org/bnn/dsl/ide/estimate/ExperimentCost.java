package org.bnn.dsl.ide.estimate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.estimate.MappingEstimate;

/**
 * The estimate behind an experiment: its mapping, what it sweeps (BER points, regimes, or one BER
 * in each layer in turn) and the error rate of the mapping's programming regime, if the description
 * gives one.
 *
 * @param berPoints    the BER points of {@code sweep ber}; empty for the other sweeps
 * @param sweptRegimes for {@code sweep regime}, the BER of each swept regime on the mapping's tile
 *                     (those without one, e.g. of a tile with no device, left out); empty otherwise
 * @param layerBer     for {@code sweep layers at ber}, that BER; empty otherwise
 */
public record ExperimentCost(String experimentName, MappingEstimate mapping, List<Double> berPoints, Optional<RegimeBer> regimeBer,
        Optional<List<RegimeBer>> sweptRegimes, OptionalDouble layerBer) {
    public ExperimentCost {
        berPoints = List.copyOf(berPoints);
        sweptRegimes = sweptRegimes.map(List::copyOf);
    }

    /** A {@code sweep ber} experiment. */
    public ExperimentCost(String experimentName, MappingEstimate mapping, List<Double> berPoints, Optional<RegimeBer> regimeBer) {
        this(experimentName, mapping, berPoints, regimeBer, Optional.empty(), OptionalDouble.empty());
    }

    /** Expected flipped weights of one chip at {@code ber}: stored weights × BER. */
    public double expectedBitErrors(double ber) {
        return mapping.weights() * ber;
    }
}
