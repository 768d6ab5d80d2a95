package org.bnn.dsl.ide.estimate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.spec.ExploreTranslator;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.explore.Exploration;
import org.bnn.runtime.explore.ExplorationEffort;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The runtime Estimator's figures for the elements of a .bnn model, for hints, minings and
 * hovers. Each mapping is translated into its spec (a cheap walk of the model) and the estimate is
 * looked up by that spec: the spec records compare by value, so an edit that does not change a
 * mapping's description (typing a comment, another element, the same text again) reuses the
 * estimate, and a weights file is never read (the estimate needs only the description).
 * Incomplete or invalid descriptions give no estimate; the validator says why. Any other failure
 * (of the Estimator on a description the runtime accepted, or of a translation in a way the
 * validator does not report) gives no estimate either, so that the editor keeps answering, and is
 * logged once as a one-line warning naming the element.
 */
@Singleton
public class ModelEstimates {
    /** Mapping estimates kept; a workspace rarely has more mappings open at once. */
    static final int CACHE_SIZE = 256;

    /** Failures remembered as logged, so that each is logged once and not on every hint or hover. */
    static final int LOGGED_FAILURES = 256;

    private static final Logger LOG = Logger.getLogger(ModelEstimates.class.getName());

    @Inject
    private SpecTranslator translator;

    @Inject
    private MappingsOfNetwork mappingsOfNetwork;
    @Inject
    private ExploreTranslator exploreTranslator;

    private final AtomicLong computed = new AtomicLong();

    private final Map<MappingSpec, MappingEstimate> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<MappingSpec, MappingEstimate> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final Set<String> logged = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > LOGGED_FAILURES;
        }
    }));

    /** The estimate of a mapping, if its description is complete and valid. */
    public Optional<MappingEstimate> of(Mapping mapping) {
        return translated(mapping, () -> translator.translate(mapping)).flatMap(spec -> estimated(describe(mapping), () -> estimate(spec)));
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

    /** What running an exploration costs: its designs, simulations and binary MACs, known without simulating. */
    public Optional<ExplorationEffort> of(Explore explore) {
        return translated(explore, () -> exploreTranslator.translate(explore))
                .flatMap(spec -> estimated(describe(explore), () -> ExplorationEffort.of(spec, Exploration.plan(spec))));
    }

    /** The estimate behind an experiment: its mapping's and the error rate of its regime. */
    public Optional<ExperimentCost> of(Experiment experiment) {
        Mapping mapping = experiment.getMapping();
        if (mapping == null || mapping.eIsProxy()) {
            return Optional.empty();
        }
        return of(mapping).map(estimate -> new ExperimentCost(experiment.getName(), estimate, List.copyOf(experiment.getPoints()),
                regimeBer(estimate), sweptRegimes(experiment, estimate),
                experiment.isSweepLayers() ? OptionalDouble.of(experiment.getLayerBer()) : OptionalDouble.empty()));
    }

    /** For {@code sweep regime}, the BER of each swept regime on the mapping's tile, in the order written. */
    private Optional<List<RegimeBer>> sweptRegimes(Experiment experiment, MappingEstimate estimate) {
        if (!experiment.isSweepRegimes()) {
            return Optional.empty();
        }
        TileSpec tile = estimate.mapping().chip().tile();
        return Optional.of(experiment.getRegimes().stream().filter(regime -> !regime.eIsProxy() && regime.getName() != null)
                .flatMap(regime -> estimated("regime " + regime.getName() + " of " + describe(experiment),
                        () -> RegimeErrorRates.of(tile, regime.getName())).flatMap(b -> b).stream())
                .toList());
    }

    /** The BER of the mapping's regime on its tile's cells, if the mapping names a regime and the tile a device. */
    public Optional<RegimeBer> regimeBer(MappingEstimate estimate) {
        MappingSpec mapping = estimate.mapping();
        return mapping.regime().flatMap(regime -> estimated("mapping " + mapping.name() + " under regime " + regime,
                () -> RegimeErrorRates.of(mapping.chip().tile(), regime)).flatMap(b -> b));
    }

    public Optional<TileSpec> of(Tile tile) {
        return translated(tile, () -> translator.translate(tile));
    }

    public Optional<DeviceSpec> of(Device device) {
        return translated(device, () -> translator.translate(device));
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
        MappingEstimate estimate = compute(spec);
        computed.incrementAndGet();
        synchronized (cache) {
            cache.put(spec, estimate);
        }
        return estimate;
    }

    /** The estimate of a mapping the runtime accepted: the {@link Estimator}'s (a seam for tests). */
    protected MappingEstimate compute(MappingSpec spec) {
        return Estimator.estimate(spec);
    }

    /**
     * Translates {@code element}. A model that is incomplete or that the runtime rejects gives
     * nothing: the parser, the linker or the validator reports it. Any other exception is a failure,
     * logged; an element the IDE does not know yet (the language grows) never breaks a hover or a hint.
     */
    private <T> Optional<T> translated(EObject element, Supplier<T> translation) {
        try {
            return Optional.ofNullable(translation.get());
        } catch (SpecTranslator.IncompleteModelException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            logOnce("no estimate for " + describe(element) + ": translating it failed", e);
            return Optional.empty();
        }
    }

    /** Computes figures of a description the runtime accepted: a failure is the estimate's, logged, and gives nothing. */
    private <T> Optional<T> estimated(String what, Supplier<T> computation) {
        try {
            return Optional.ofNullable(computation.get());
        } catch (RuntimeException e) {
            logOnce("no estimate for " + what + ": the estimate failed", e);
            return Optional.empty();
        }
    }

    /** One line, once per element and failure (hints and hovers ask again on every edit and every move of the mouse). */
    private void logOnce(String message, RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        String line = message + " (" + e + (trace.length > 0 ? " at " + trace[0] : "") + ")";
        if (logged.add(line)) {
            LOG.warning(line.replaceAll("\\s*\\R\\s*", " "));
        }
    }

    /** The element as a user finds it: kind, name, file and line ({@code mapping M (x.bnn:12)}). */
    static String describe(EObject element) {
        StringBuilder text = new StringBuilder(element.eClass().getName().toLowerCase(Locale.ROOT));
        EStructuralFeature name = element.eClass().getEStructuralFeature("name");
        if (name != null && element.eGet(name) != null) {
            text.append(' ').append(element.eGet(name));
        }
        if (element.eResource() != null && element.eResource().getURI() != null) {
            text.append(" (").append(element.eResource().getURI().lastSegment());
            ICompositeNode node = NodeModelUtils.getNode(element);
            if (node != null) {
                text.append(':').append(node.getStartLine());
            }
            text.append(')');
        }
        return text.toString();
    }
}
