package org.bnn.runtime.errors;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.WeightLayer;
import org.bnn.runtime.spec.CellTechnology.TwoTransistorTwoResistorTernary;

/**
 * The layers of a network whose 2T2R cells hold ternary weights under {@link DeviceErrors}
 * (docs/architecture.md §3, "Ternary weights: the zero state"): which they are, the cells (whose
 * zero threshold decides when a sense reads 0), and the weights of every layer, by which a
 * network's average error rate weighs binary and ternary layers.
 *
 * @param cells           the ternary cells of the tile
 * @param layers          indices (among layers with weights) of the ternary layers
 * @param weightsPerLayer weights (fan-in × fan-out) of every layer with weights; empty if {@code layers} is
 */
public record TernaryLayers(TwoTransistorTwoResistorTernary cells, Set<Integer> layers, List<Long> weightsPerLayer) {
    /** A network without ternary layers. */
    public static final TernaryLayers NONE = new TernaryLayers(new TwoTransistorTwoResistorTernary(TernaryReads.DEFAULT_ZERO_THRESHOLD),
            Set.of(), List.of());

    public TernaryLayers {
        Checks.present("TernaryLayers", "cells", cells);
        layers = Set.copyOf(Checks.present("TernaryLayers", "layers", layers));
        weightsPerLayer = List.copyOf(Checks.present("TernaryLayers", "weightsPerLayer", weightsPerLayer));
        for (Integer layer : layers) {
            if (layer < 0 || layer >= weightsPerLayer.size()) {
                throw new IllegalArgumentException("TernaryLayers.layers must hold indices of the " + weightsPerLayer.size()
                        + " layers of weightsPerLayer, got " + layer);
            }
        }
    }

    /** The ternary layers of {@code network}, held by cells with the zero threshold {@code zeroThreshold}. */
    public static TernaryLayers of(BinaryNetwork network, ReadReference zeroThreshold) {
        Checks.present("TernaryLayers.of", "network", network);
        Set<Integer> ternary = new TreeSet<>();
        Long[] weights = new Long[network.weightLayerCount()];
        for (int l = 0; l < weights.length; l++) {
            WeightLayer layer = network.weightLayer(l);
            weights[l] = (long) layer.geometry().fanIn() * layer.geometry().fanOut();
            if (layer.ternary()) {
                ternary.add(l);
            }
        }
        return new TernaryLayers(new TwoTransistorTwoResistorTernary(zeroThreshold), ternary, List.of(weights));
    }

    /** Whether layer {@code layer} holds ternary weights. */
    public boolean contains(int layer) {
        return layers.contains(layer);
    }

    /** Whether no layer holds ternary weights. */
    public boolean isEmpty() {
        return layers.isEmpty();
    }

    /** ln T (T in ohms) of the zero threshold under {@code regime}: a branch above it does not discharge. */
    public double lnZeroThreshold(RegimeSpec regime) {
        return Math.log(cells.zeroThreshold().ohms(regime));
    }

    /** The probability that one read of a ternary weight is wrong, −1, 0, +1 equally likely ({@link TernaryReads}). */
    public double weightErrorRate(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt) {
        return cells.bitErrorRate(regime, Optional.of(senseAmp), stuckAt);
    }

    /** Weights of layer {@code layer}. */
    long weights(int layer) {
        return weightsPerLayer.get(layer);
    }

    @Override
    public String toString() {
        String threshold = cells.zeroThreshold() instanceof ReadReference.Fixed fixed ? fixed.ohms() + " ohm" : "best";
        return "ternary layers " + new TreeSet<>(layers) + " (zero threshold " + threshold + ")";
    }
}
