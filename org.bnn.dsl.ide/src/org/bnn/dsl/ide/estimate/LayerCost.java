package org.bnn.dsl.ide.estimate;

import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;

/**
 * What one layer costs in one mapping of its network.
 *
 * @param mappingName the mapping the estimate belongs to (a network may be mapped several times)
 * @param mappings    how many mappings of the network were found (the hint names the mapping when more than one)
 */
public record LayerCost(String mappingName, int mappings, MappingEstimate mapping, LayerEstimate layer) {
}
