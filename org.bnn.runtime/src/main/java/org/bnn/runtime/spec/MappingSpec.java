package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A network placed onto a chip: every layer with weights is folded onto the chip's tiles,
 * programmed under {@code regime} of the tile's device, optionally replicated to evaluate
 * positions in parallel. Without {@code allowReprogramming} the weights must fit the chip.
 */
public record MappingSpec(String name, NetworkSpec network, ChipSpec chip, Optional<String> regime,
        Map<String, Integer> replication, boolean allowReprogramming) {
    public MappingSpec {
        Checks.name("MappingSpec", "name", name);
        Checks.present("MappingSpec", "network", network);
        Checks.present("MappingSpec", "chip", chip);
        Checks.present("MappingSpec", "regime", regime);
        replication = Map.copyOf(Checks.present("MappingSpec", "replication", replication));
        Set<String> weightLayers = network.weightLayers().stream().map(g -> g.layer().name()).collect(Collectors.toSet());
        for (Map.Entry<String, Integer> entry : replication.entrySet()) {
            if (!weightLayers.contains(entry.getKey())) {
                throw new IllegalArgumentException("MappingSpec(" + name + ").replication names " + entry.getKey()
                        + ", which is not a layer with weights of network " + network.name());
            }
            Checks.positive("MappingSpec(" + name + ")", "replication of " + entry.getKey(), entry.getValue());
        }
        if (regime.isPresent()) {
            var device = chip.tile().device().orElseThrow(() -> new IllegalArgumentException("MappingSpec(" + name
                    + ").regime " + regime.get() + " needs a device on tile " + chip.tile().name()));
            device.regime(regime.get()); // throws with the known regimes if absent
        }
    }

    /** A mapping with no regime, no replication, no reprogramming. */
    public MappingSpec(String name, NetworkSpec network, ChipSpec chip) {
        this(name, network, chip, Optional.empty(), Map.of(), false);
    }

    /** The same mapping programmed under another regime of its device (a point of a regime comparison). */
    public MappingSpec withRegime(String regimeName) {
        return new MappingSpec(name, network, chip, Optional.of(regimeName), replication, allowReprogramming);
    }

    /** Copies of the given layer's weights (1 unless replicated). */
    public int replicationOf(String layer) {
        return replication.getOrDefault(layer, 1);
    }
}
