package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A network placed onto a chip: every layer with weights is folded onto the chip's tiles,
 * programmed under {@code regime} of the tile's device, optionally replicated to evaluate
 * positions in parallel. Without {@code allowReprogramming} the weights must fit the chip.
 * <p>
 * Each layer with weights sits on a range of physical tiles ({@link Placement}): given
 * explicitly, checked here ({@link Placement#problems}), or {@link Placement#AUTO}, resolved here
 * to the automatic rule's ranges ({@link Placement#auto}), so that every consumer sees concrete ranges.
 */
public record MappingSpec(String name, NetworkSpec network, ChipSpec chip, Optional<String> regime,
        Map<String, Integer> replication, boolean allowReprogramming, Placement placement) {
    public MappingSpec {
        Checks.name("MappingSpec", "name", name);
        Checks.present("MappingSpec", "network", network);
        Checks.present("MappingSpec", "chip", chip);
        Checks.present("MappingSpec", "regime", regime);
        replication = Map.copyOf(Checks.present("MappingSpec", "replication", replication));
        Set<String> weightLayers = network.weightLayers().stream().map(g -> g.layer().name()).collect(Collectors.toSet());
        for (Map.Entry<String, Integer> entry : replication.entrySet()) {
            if (!weightLayers.contains(entry.getKey())) {
                throw new SpecViolation("MappingSpec(" + name + ")", "replication", entry.getKey(), Problem.UNKNOWN,
                        "MappingSpec(" + name + ").replication names " + entry.getKey()
                                + ", which is not a layer with weights of network " + network.name());
            }
            if (entry.getValue() <= 0) {
                throw new SpecViolation("MappingSpec(" + name + ")", "replication", entry.getKey(), Problem.NOT_POSITIVE,
                        "MappingSpec(" + name + ").replication of " + entry.getKey() + " must be positive, got " + entry.getValue());
            }
        }
        for (LayerGeometry layer : network.weightLayers()) {
            cell(name, chip.tile(), layer.layer()); // ternary weights need cells that can hold them
        }
        if (regime.isPresent()) {
            var device = chip.tile().device().orElseThrow(() -> new SpecViolation("MappingSpec(" + name + ")", "regime",
                    Problem.INCONSISTENT, "MappingSpec(" + name
                            + ").regime " + regime.get() + " needs a device on tile " + chip.tile().name()));
            device.regime(regime.get()); // throws with the known regimes if absent
        }
        Checks.present("MappingSpec", "placement", placement);
        if (placement.auto()) {
            Placement resolved = Placement.auto(network, chip, replication);
            if (!placement.ranges().isEmpty() && !placement.ranges().equals(resolved.ranges())) {
                throw new SpecViolation("MappingSpec(" + name + ")", "placement", Problem.INCONSISTENT,
                        "MappingSpec(" + name + ").placement is auto but its ranges " + placement.ranges()
                                + " are not the automatic rule's " + resolved.ranges());
            }
            placement = resolved;
        } else {
            List<PlacementProblem> problems = Placement.problems(placement, network, chip, replication, allowReprogramming);
            if (!problems.isEmpty()) {
                throw new SpecViolation("MappingSpec(" + name + ")", "placement", problems.get(0).layer(), Problem.INCONSISTENT,
                        "MappingSpec(" + name + ").placement "
                                + String.join("; ", problems.stream().map(PlacementProblem::message).toList()));
            }
        }
    }

    /** A mapping with automatic placement. */
    public MappingSpec(String name, NetworkSpec network, ChipSpec chip, Optional<String> regime, Map<String, Integer> replication,
            boolean allowReprogramming) {
        this(name, network, chip, regime, replication, allowReprogramming, Placement.AUTO);
    }

    /** A mapping with no regime, no replication, no reprogramming. */
    public MappingSpec(String name, NetworkSpec network, ChipSpec chip) {
        this(name, network, chip, Optional.empty(), Map.of(), false, Placement.AUTO);
    }

    /**
     * The cells that hold {@code layer}'s weights: the tile's, used for ternary weights if the layer
     * has them ({@link CellTechnology#forTernaryWeights}). Ask this, not the tile, for anything a
     * layer's weights decide (bit error rates, labels).
     */
    public CellTechnology cell(LayerSpec layer) {
        return cell(name, chip.tile(), layer);
    }

    /** A label for the cells of all layers with weights: "2T2R", "2T2R ternary", or "2T2R + 2T2R ternary" when mixed. */
    public String cellLabel() {
        return String.join(" + ", network.weightLayers().stream().map(g -> cell(g.layer()).label()).distinct().toList());
    }

    private static CellTechnology cell(String mapping, TileSpec tile, LayerSpec layer) {
        if (layer.values() != WeightValues.TERNARY) {
            return tile.cell();
        }
        try {
            return tile.cell().forTernaryWeights();
        } catch (SpecViolation e) {
            throw new SpecViolation("MappingSpec(" + mapping + ")", "chip", layer.name(), Problem.INCONSISTENT, "MappingSpec(" + mapping
                    + "): layer " + layer.name() + " has ternary weights, but tile " + tile.name() + " has " + tile.cell().label()
                    + " cells; ternary weights need 2T2R cells (a 1T1R cell holds one device, it cannot store three values read in one sense)");
        }
    }

    /** The same mapping programmed under another regime of its device (a point of a regime comparison). */
    public MappingSpec withRegime(String regimeName) {
        return new MappingSpec(name, network, chip, Optional.of(regimeName), replication, allowReprogramming, placement);
    }

    /** Copies of the given layer's weights (1 unless replicated). */
    public int replicationOf(String layer) {
        return replication.getOrDefault(layer, 1);
    }

    /** The tiles a layer with weights sits on. */
    public TileRange rangeOf(String layer) {
        return placement.rangeOf(layer).orElseThrow(() -> new SpecViolation("MappingSpec(" + name + ")", "placement", layer,
                Problem.UNKNOWN, "MappingSpec(" + name + ") places no layer "
                        + layer + "; its layers with weights are " + placement.ranges().keySet()));
    }
}
