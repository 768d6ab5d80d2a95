package org.bnn.runtime.errors;

import java.util.List;
import java.util.Locale;
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
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.WeightValues;

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
public record TernaryLayers(CellTechnology cells, Set<Integer> layers, List<Long> weightsPerLayer) {
    /** A network without ternary layers. */
    public static final TernaryLayers NONE = new TernaryLayers(new CellTechnology.TwoTransistorTwoResistor().forTernaryWeights(), Set.of(),
            List.of());

    public TernaryLayers {
        Checks.present("TernaryLayers", "cells", cells);
        if (cells.ternaryZeroThreshold().isEmpty()) {
            throw new IllegalArgumentException("TernaryLayers.cells must read ternary weights, got " + cells.label());
        }
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
        return of(network.spec(), new CellTechnology.TwoTransistorTwoResistor(zeroThreshold).forTernaryWeights());
    }

    /** The layers of {@code network} whose weights are ternary, held by {@code cells}. */
    public static TernaryLayers of(NetworkSpec network, CellTechnology cells) {
        List<LayerGeometry> layers = network.weightLayers();
        Set<Integer> ternary = new TreeSet<>();
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).layer().values() == WeightValues.TERNARY) {
                ternary.add(l);
            }
        }
        return new TernaryLayers(cells, ternary, layers.stream().map(LayerGeometry::weights).toList());
    }

    /** The same layers with their zero threshold fixed at its value under {@code regime} ({@link CellTechnology#referencesSetFor}). */
    public TernaryLayers referencesSetFor(RegimeSpec regime) {
        return new TernaryLayers(cells.referencesSetFor(regime), layers, weightsPerLayer);
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
        return Math.log(zeroThreshold().ohms(regime));
    }

    /** The probability that one read of a ternary weight is wrong, −1, 0, +1 equally likely ({@link TernaryReads}). */
    public double weightErrorRate(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt) {
        return cells.bitErrorRate(regime, Optional.of(senseAmp), stuckAt);
    }

    /** Weights of layer {@code layer}. */
    long weights(int layer) {
        return weightsPerLayer.get(layer);
    }

    private ReadReference zeroThreshold() {
        return cells.ternaryZeroThreshold().orElseThrow(); // checked when made
    }

    @Override
    public String toString() {
        String threshold = zeroThreshold() instanceof ReadReference.Fixed fixed
                ? String.format(Locale.ROOT, "%.3g kOhm", fixed.ohms() / 1e3)
                : "best";
        return "ternary layers " + new TreeSet<>(layers) + " (zero threshold " + threshold + ")";
    }
}
