package org.bnn.dsl.ide.estimate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The runtime Estimator's figures for the elements of a .bnn model, for hints, minings and
 * hovers. Each mapping is translated into its spec (a cheap walk of the model) and the estimate is
 * looked up by that spec: the spec records compare by value, so an edit that does not change a
 * mapping's description (typing a comment, another element, the same text again) reuses the
 * estimate, and a weights file is never read (the estimate needs only the description).
 * Incomplete or invalid descriptions give no estimate; the validator says why.
 */
@Singleton
public class ModelEstimates {
    /** Mapping estimates kept; a workspace rarely has more mappings open at once. */
    static final int CACHE_SIZE = 256;

    @Inject
    private SpecTranslator translator;

    @Inject
    private MappingsOfNetwork mappingsOfNetwork;

    private final AtomicLong computed = new AtomicLong();

    private final Map<MappingSpec, MappingEstimate> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<MappingSpec, MappingEstimate> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** The estimate of a mapping, if its description is complete and valid. */
    public Optional<MappingEstimate> of(Mapping mapping) {
        return attempt(() -> translator.translate(mapping)).flatMap(spec -> attempt(() -> estimate(spec)));
    }

    /** The cost of a layer in the first mapping of its network. */
    public Optional<LayerCost> of(Layer layer) {
        if (!(layer.eContainer() instanceof Network network) || layer.getName() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(layerCosts(network).get(layer.getName()));
    }

    /**
     * The cost of every layer of a network, by name, in the first of its mappings that has an
     * estimate (one translation for the whole network, not one per layer).
     */
    public Map<String, LayerCost> layerCosts(Network network) {
        List<Mapping> mappings = mappingsOfNetwork.of(network);
        for (Mapping mapping : mappings) {
            Optional<MappingEstimate> estimate = of(mapping);
            if (estimate.isPresent()) {
                Map<String, LayerCost> costs = new LinkedHashMap<>();
                for (LayerEstimate layer : estimate.get().layers()) {
                    costs.put(layer.name(), new LayerCost(mapping.getName(), mappings.size(), estimate.get(), layer));
                }
                return costs;
            }
        }
        return Map.of();
    }

    /** The estimates of every mapping of a network that has a complete description. */
    public List<MappingEstimate> of(Network network) {
        return mappingsOfNetwork.of(network).stream().map(this::of).flatMap(Optional::stream).toList();
    }

    /** The estimate behind an experiment: its mapping's and the error rate of its regime. */
    public Optional<ExperimentCost> of(Experiment experiment) {
        Mapping mapping = experiment.getMapping();
        if (mapping == null || mapping.eIsProxy()) {
            return Optional.empty();
        }
        return of(mapping).map(estimate -> new ExperimentCost(experiment.getName(), estimate, List.copyOf(experiment.getPoints()),
                regimeBer(estimate)));
    }

    /** The BER of the mapping's regime on its tile's cells, if the mapping names a regime and the tile a device. */
    public Optional<RegimeBer> regimeBer(MappingEstimate estimate) {
        MappingSpec mapping = estimate.mapping();
        return mapping.regime().flatMap(regime -> attempt(() -> RegimeErrorRates.of(mapping.chip().tile(), regime)).flatMap(b -> b));
    }

    public Optional<TileSpec> of(Tile tile) {
        return attempt(() -> translator.translate(tile));
    }

    public Optional<DeviceSpec> of(Device device) {
        return attempt(() -> translator.translate(device));
    }

    /** How many mapping estimates were computed rather than taken from the cache (for tests and benchmarks). */
    public long estimatesComputed() {
        return computed.get();
    }

    private MappingEstimate estimate(MappingSpec spec) {
        synchronized (cache) {
            MappingEstimate cached = cache.get(spec);
            if (cached != null) {
                return cached;
            }
        }
        MappingEstimate estimate = Estimator.estimate(spec);
        computed.incrementAndGet();
        synchronized (cache) {
            cache.put(spec, estimate);
        }
        return estimate;
    }

    /**
     * Runs a translation or estimate; a description the runtime rejects gives nothing. Any runtime
     * exception counts as rejection here, so that an element the IDE does not know yet (the language
     * grows) never breaks a hover or a hint.
     */
    private static <T> Optional<T> attempt(Supplier<T> computation) {
        try {
            return Optional.ofNullable(computation.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
