package org.bnn.dsl.ide.estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.PoolLayer;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.bnn.WeightValueKind;
import org.bnn.dsl.bnn.WeightValuesClause;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.estimate.Energy;
import org.bnn.runtime.estimate.EnergyComponent;
import org.bnn.runtime.estimate.EstimateText;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.explore.ExplorationEffort;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileRange;
import org.bnn.runtime.spec.TileSpec;
import org.bnn.runtime.spec.WeightValues;
import org.eclipse.emf.ecore.EObject;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The texts of the estimates, the same in every editor: one-line hints (inlay hints, code lenses,
 * code minings) and hover breakdowns. Every figure comes from {@link ModelEstimates}, i.e. the
 * runtime's Estimator and bit-error-rate functions; this class only formats.
 */
@Singleton
public class EstimatePresentation {
    private static final String DOT = " · ";
    /** The longest hint shown in the text (inlay hint, code lens, code mining); longer ones are shortened. */
    public static final int HINT_LENGTH = 80;
    private static final String BIT_ERRORS = " expected bit errors";
    /** Layers listed in a mapping's hover before "… more". */
    private static final int HOVER_LAYERS = 12;
    /**
     * What a device's regime is compared on, without a tile (so without a sense amplifier): the
     * reference design's 2T2R pair, and one device read against its best reference.
     */
    private static final List<CellTechnology> COMPARED_CELLS = List.of(new CellTechnology.TwoTransistorTwoResistor(),
            new CellTechnology.OneTransistorOneResistor(new ReadReference.Best()));

    @Inject
    private ModelEstimates estimates;
    @Inject
    private AgingPresentation aging;
    @Inject
    private EngineSpeed speed;

    /** The one-line hint of an element with an estimate (layer, mapping, experiment), if it has one. */
    public Optional<String> hint(EObject element) {
        if (element instanceof Layer layer) {
            return estimates.of(layer).map(this::layerHint).map(EstimatePresentation::bounded);
        }
        if (element instanceof Mapping mapping) {
            return estimates.of(mapping).map(this::mappingHint).map(EstimatePresentation::bounded);
        }
        if (element instanceof Experiment experiment) {
            return estimates.of(experiment).map(this::experimentHint);
        }
        if (element instanceof Explore explore) {
            return estimates.of(explore).map(this::exploreHint).map(EstimatePresentation::bounded);
        }
        return Optional.empty();
    }

    /**
     * What an exploration will cost before it runs: "45 designs · 15 simulations × 5 chips × 2,000 inputs · ≈ 40 s
     * here", the time at the engine's error-free speed measured on this machine ({@link EngineSpeed}); "… · costs
     * only, nothing simulated" when no design is simulated.
     */
    public String exploreHint(ExplorationEffort effort) {
        String designs = count(effort.designs()) + (effort.designs() == 1 ? " design" : " designs");
        if (effort.simulations() == 0) {
            return designs + DOT + "costs only, nothing simulated";
        }
        return designs + DOT + count(effort.simulations()) + (effort.simulations() == 1 ? " simulation" : " simulations") + " × "
                + count(effort.chips()) + (effort.chips() == 1 ? " chip" : " chips") + " × " + count(effort.inputs()) + " inputs" + DOT
                + "≈ " + duration(effort.seconds(speed.macsPerSecond())) + " here";
    }

    /** "< 1 s", "40 s", "12 min", "3.5 h". */
    static String duration(double seconds) {
        if (seconds < 1) {
            return "< 1 s";
        }
        if (seconds < 120) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 7200) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** "800 tiles at 0..799 · 41.6 nJ · 370 ns": tiles and where they are, energy per inference and latency of one layer. */
    public String layerHint(LayerCost cost) {
        LayerEstimate layer = cost.layer();
        String tiles = layer.hasTiles()
                ? count(layer.tiles()) + (layer.tiles() == 1 ? " tile" : " tiles") + " at "
                        + placed(layer, cost.mapping(), TileRange::span, EstimateText::tileSpan)
                : "no tiles";
        String hint = tiles + DOT + energy(layer.energy()) + DOT + latency(layer.cycles(), cost.mapping().mapping().chip());
        return cost.mappings() > 1 ? hint + " (" + cost.mappingName() + ")" : hint;
    }

    /**
     * Where a layer sits, by {@code written} ("0..63", "tiles 0..63"). The runtime's text marks a range
     * shorter than the layer "(streamed)", true when the mapping reprograms its tiles; without
     * reprogramming nothing streams and the mapping does not fit (as its hint says): "(too few)".
     */
    private static String placed(LayerEstimate layer, MappingEstimate mapping, Function<TileRange, String> written,
            Function<LayerEstimate, String> runtimeText) {
        Optional<TileRange> range = layer.range();
        if (range.isPresent() && range.get().count() < layer.tiles() && mapping.reprogramming().isEmpty()) {
            return written.apply(range.get()) + " (too few)";
        }
        return runtimeText.apply(layer);
    }

    /**
     * "2,880/4,096 tiles (70.3 %) · 151 nJ/inference · 1.26 us · 69.4 % of cells used" (they hold weights); for a
     * network that does not fit, what it needs against what the chip has and what happens to the weights:
     * "needs 3,200 tiles, chip has 64: weights streamed · …" (its tiles reprogrammed during each inference) or "…: does not fit · …".
     * No share over 100 % is shown as a utilization.
     */
    public String mappingHint(MappingEstimate estimate) {
        String costs = energy(estimate.energy()) + "/inference" + DOT + latency(estimate.cycles(), estimate.mapping().chip());
        if (estimate.fits()) {
            return tileShare(estimate) + DOT + costs + DOT + percent(estimate.chipUtilization()) + " of cells used";
        }
        return tileNeeds(estimate) + ": " + (estimate.reprogramming().isPresent() ? "weights streamed" : "does not fit")
                + DOT + costs;
    }

    /** "2,880/4,096 tiles (70.3 %)": tiles needed of the chip's, for a network the chip holds. */
    private static String tileShare(MappingEstimate estimate) {
        return count(estimate.tilesNeeded()) + "/" + count(estimate.tilesAvailable()) + " tiles ("
                + percent((double) estimate.tilesNeeded() / estimate.tilesAvailable()) + ")";
    }

    /**
     * Why a network is not held at once: "needs 3,200 tiles, chip has 64", or, when the chip has enough
     * tiles but the placement's ranges do not hold the layers, "needs 30 of 4,096 tiles, ranges too small".
     */
    private static String tileNeeds(MappingEstimate estimate) {
        return estimate.tilesNeeded() > estimate.tilesAvailable()
                ? "needs " + count(estimate.tilesNeeded()) + " tiles, chip has " + count(estimate.tilesAvailable())
                : "needs " + count(estimate.tilesNeeded()) + " of " + count(estimate.tilesAvailable()) + " tiles, ranges too small";
    }

    /**
     * The expected bit errors of an experiment, at most {@link #HINT_LENGTH} characters (the hover has
     * every figure, per chip): per BER point "2,910,208 weights × BER → 0 · 29.1 · 291 expected bit errors",
     * per regime "2,910,208 weights × BER of nominal · low → 298 · 2.8k expected bit errors", per layer
     * "one layer at a time at BER 0.0100 → ≤ 10.5k expected bit errors (fc2)"; a long series is
     * summed up by its ends, "2,910,208 weights × BER 0 … 0.100 (7 points) → 0 … 291k expected bit errors".
     */
    public String experimentHint(ExperimentCost cost) {
        if (cost.layerBer().isPresent() && !cost.mapping().layers().isEmpty()) {
            double ber = cost.layerBer().getAsDouble();
            LayerEstimate most = cost.mapping().layers().stream().max(Comparator.comparingLong(l -> l.geometry().weights())).orElseThrow();
            return bounded("one layer at a time at BER " + rate(ber) + " → ≤ " + number(most.geometry().weights() * ber) + BIT_ERRORS
                    + " (" + most.name() + ")");
        }
        String weights = count(cost.mapping().weights()) + " weights";
        if (cost.sweptRegimes().isPresent()) {
            List<RegimeBer> regimes = cost.sweptRegimes().get();
            if (regimes.isEmpty()) {
                return bounded(weights + " × BER of each regime: not estimated (the tile names no device)");
            }
            return series(weights, true, regimes.stream().map(RegimeBer::regime).toList(),
                    regimes.stream().map(ber -> number(cost.expectedBitErrors(ber.effective()))).toList(), "");
        }
        String regime = cost.regimeBer()
                .map(ber -> "; regime " + ber.regime() + ": BER " + rate(ber.effective()) + " → "
                        + number(cost.expectedBitErrors(ber.effective())))
                .orElse("");
        if (cost.berPoints().isEmpty()) {
            // a sweep still being typed (or broken): say so rather than show an empty series
            return bounded(weights + " × BER: no BER to sweep yet" + regime);
        }
        return series(weights, false, cost.berPoints().stream().map(EstimatePresentation::rate).toList(),
                cost.berPoints().stream().map(ber -> number(cost.expectedBitErrors(ber))).toList(), regime);
    }

    /**
     * "{@code weights} × BER [of k1 · k2] → v1 · v2 expected bit errors{@code tail}" (the keys named when
     * {@code named}), or, when that is too long, the series by its ends: "{@code weights} × BER of k1 … kn
     * → v1 … vn expected bit errors", or "{@code weights} × BER k1 … kn (n points) → v1 … vn …" for
     * unnamed keys, the tail dropped when it no longer fits.
     */
    private static String series(String weights, boolean named, List<String> keys, List<String> values, String tail) {
        String full = weights + " × BER" + (named ? " of " + String.join(DOT, keys) : "") + " → " + String.join(DOT, values)
                + BIT_ERRORS;
        if ((full + tail).length() <= HINT_LENGTH) {
            return full + tail;
        }
        String ends = weights + " × BER " + (named ? "of " + ends(keys) : ends(keys) + " (" + keys.size() + " points)") + " → "
                + ends(values) + BIT_ERRORS;
        return bounded((ends + tail).length() <= HINT_LENGTH ? ends + tail : ends);
    }

    /** "a … z" for a series of more than one, else its only element. */
    private static String ends(List<String> series) {
        return series.size() == 1 ? series.get(0) : series.get(0) + " … " + series.get(series.size() - 1);
    }

    /**
     * A hint of at most {@link #HINT_LENGTH} characters, so that it stays in the editor's view: cut
     * after its last whole part (" · " or "; ") that fits, and marked " …"; the hover has the rest.
     */
    static String bounded(String hint) {
        if (hint.length() <= HINT_LENGTH) {
            return hint;
        }
        String room = hint.substring(0, HINT_LENGTH - 2);
        int cut = Math.max(room.lastIndexOf(DOT), room.lastIndexOf("; "));
        return (cut > 0 ? room.substring(0, cut) : room.substring(0, HINT_LENGTH - 2).stripTrailing()) + " …";
    }

    /** {@code breakdown} followed by the fits of a device from measurements (also when it has no estimate, to say why). */
    private static Optional<Breakdown> withFits(Optional<Breakdown> breakdown, String title, List<String> fits) {
        if (fits.isEmpty()) {
            return breakdown;
        }
        List<String> lines = new ArrayList<>(breakdown.map(Breakdown::lines).orElse(List.of()));
        lines.addAll(fits);
        return Optional.of(new Breakdown(breakdown.map(Breakdown::title).orElse(title), lines));
    }

    /** The hover breakdown of an element, if it has estimated figures. */
    public Optional<Breakdown> hover(EObject element) {
        if (element instanceof Layer layer) {
            return estimates.of(layer).map(this::layerBreakdown);
        }
        if (element instanceof Mapping mapping) {
            return estimates.of(mapping).map(estimate -> mappingBreakdown(mapping.getName(), estimate));
        }
        if (element instanceof Experiment experiment) {
            return estimates.of(experiment).map(this::experimentBreakdown);
        }
        if (element instanceof Network network) {
            return networkBreakdown(network);
        }
        if (element instanceof Tile tile) {
            return estimates.of(tile).map(this::tileBreakdown);
        }
        if (element instanceof Chip chip) {
            return chipBreakdown(chip);
        }
        if (element instanceof Device device) {
            return withFits(estimates.of(device).map(this::deviceBreakdown), "Device " + device.getName(), aging.fitLines(device));
        }
        if (element instanceof Regime regime && regime.eContainer() instanceof Device device) {
            return withFits(estimates.of(device).map(spec -> regimeBreakdown(spec, regime.getName())), "Regime " + regime.getName(),
                    aging.fitLines(regime));
        }
        Optional<Breakdown> agingParameter = aging.hover(element);
        if (agingParameter.isPresent()) {
            return agingParameter;
        }
        if (element instanceof WeightValuesClause clause
                && SpecTranslator.written(clause, BnnPackage.Literals.WEIGHT_VALUES_CLAUSE__VALUES)) {
            return Optional.of(weightValuesBreakdown(clause));
        }
        return Optional.empty();
    }

    /**
     * What {@code weights binary|ternary} means, with or without a mapping: the values, how one cell
     * holds and reads them (docs/language.md, "Weight values"), and which layers the clause sets.
     */
    private static Breakdown weightValuesBreakdown(WeightValuesClause clause) {
        List<String> lines = new ArrayList<>();
        boolean ternary = clause.getValues() == WeightValueKind.TERNARY;
        if (ternary) {
            lines.add("one 2T2R cell per weight, as a binary weight: ±1 are its two devices in complementary states, 0 is both"
                    + " devices in the high-resistance state");
            lines.add("read by the cell's precharge sense amplifier in the same single sense as a binary weight"
                    + " (Laborieux et al., arXiv 2007.14234)");
        } else {
            lines.add("one 2T2R cell per weight, its two devices in complementary states, read by the precharge sense amplifier"
                    + " in one sense");
        }
        if (clause.eContainer() instanceof PoolLayer) {
            lines.add("a pool layer has no weights: the clause sets nothing");
        } else if (clause.eContainer() instanceof Network network) {
            lines.add("sets every layer with weights of " + named("network", network.getName()) + " that has no clause of its own");
        } else if (clause.eContainer() instanceof Layer layer && layer.eContainer() instanceof Network network) {
            // the network's own clause may still lack its value
            SpecTranslator.attempt(() -> SpecTranslator.weightValues(network)).ifPresent(others -> lines.add("sets layer " + layer.getName()
                    + " only; " + named("network", network.getName()) + "'s other layers are " + others.word()
                    + (network.getWeightValues() == null ? " (the default)" : "")));
        }
        return new Breakdown(ternary ? "Ternary weights: −1, 0 or +1" : "Binary weights: −1 or +1", lines);
    }

    /** "network N", or "this network" while a syntax error leaves it without a name. */
    private static String named(String kind, String name) {
        return name == null || name.isEmpty() ? "this " + kind : kind + " " + name;
    }

    /** "ternary", or "ternary in c1, out; binary in fc": the values of the network's layers with weights. */
    static String weightValuesLine(NetworkSpec network) {
        Map<WeightValues, List<String>> byValues = new EnumMap<>(WeightValues.class);
        network.layers().stream().filter(LayerSpec::hasWeights)
                .forEach(layer -> byValues.computeIfAbsent(layer.values(), v -> new ArrayList<>()).add(layer.name()));
        if (byValues.size() <= 1) {
            return byValues.keySet().stream().findFirst().orElse(WeightValues.BINARY).word();
        }
        return byValues.entrySet().stream().map(e -> e.getKey().word() + " in " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private Breakdown layerBreakdown(LayerCost cost) {
        LayerEstimate layer = cost.layer();
        MappingEstimate mapping = cost.mapping();
        TileSpec tile = mapping.mapping().chip().tile();
        List<String> lines = new ArrayList<>();
        if (layer.hasTiles()) {
            lines.add("tiles: " + count(layer.tiles()) + " = " + count(layer.columnChunks()) + " column chunks × "
                    + count(layer.rowChunks())
                    + " row chunks × " + layer.replication() + (layer.replication() == 1 ? " copy" : " copies") + " of " + tile.name()
                    + "; utilization " + percent(layer.utilization(tile.cells())));
            lines.add("placed on " + placed(layer, mapping, TileRange::text, EstimateText::placedOn)
                    + (mapping.mapping().placement().auto() ? " (auto)" : ""));
            lines.add("fan-in " + count(layer.geometry().fanIn()) + ", fan-out " + count(layer.geometry().fanOut()) + ", "
                    + count(layer.geometry().positions()) + (layer.geometry().positions() == 1 ? " position" : " positions") + ", "
                    + count(layer.geometry().weights()) + " " + layer.geometry().layer().values().word() + " weights");
            lines.add("senses per inference: " + count(layer.events().senses()));
        } else {
            lines.add("no tiles (pooling runs in the digital periphery)");
        }
        energyLines(layer.energy(), lines);
        lines.add("latency: " + count(layer.cycles()) + " cycles" + seconds(layer.cycles(), mapping.mapping().chip()));
        regimeLine(mapping, lines);
        String title = "Layer " + layer.name() + " on mapping " + cost.mappingName()
                + (cost.mappings() > 1 ? " (first of " + cost.mappings() + " mappings)" : "");
        return new Breakdown(title, lines);
    }

    private Breakdown mappingBreakdown(String name, MappingEstimate estimate) {
        ChipSpec chip = estimate.mapping().chip();
        TileSpec tile = chip.tile();
        List<String> lines = new ArrayList<>();
        if (estimate.fits()) {
            lines.add("tiles: " + count(estimate.tilesNeeded()) + " of " + count(estimate.tilesAvailable()) + " ("
                    + percent((double) estimate.tilesNeeded() / estimate.tilesAvailable()) + "); chip utilization "
                    + percent(estimate.chipUtilization()) + " of the cells");
        } else {
            lines.add("tiles: " + tileNeeds(estimate) + "; "
                    + (estimate.reprogramming().isPresent()
                            ? "the weights are streamed: tiles are reprogrammed during each inference"
                            : "the weights do not fit (allow reprogramming to stream them)"));
        }
        estimate.reprogramming().ifPresent(r -> lines.add(EstimateText.reprogrammingLine(r)));
        if (estimate.fits() && estimate.tilesPlaced() > estimate.tilesNeeded()) {
            lines.add("placed: " + count(estimate.tilesPlaced()) + " tiles, " + percent(estimate.placedUtilization())
                    + " of their cells hold weights");
        }
        lines.add("weights: " + count(estimate.weights()) + "; senses per inference: " + count(estimate.events().senses()));
        energyLines(estimate.energy(), lines);
        OptionalDouble throughput = estimate.throughputPerSecond();
        lines.add("latency: " + count(estimate.cycles()) + " cycles" + seconds(estimate.cycles(), chip) + " per inference"
                + (throughput.isPresent() ? String.format(Locale.ROOT, ", %.3g inferences/s", throughput.getAsDouble()) : ""));
        estimate.programming().ifPresent(p -> lines.add("programming (one time): " + count(p.pulses()) + " pulses, "
                + EstimateText.joules(p.energyJoules()) + ", " + String.format(Locale.ROOT, "%.3g", p.enduranceFraction())
                + " of the endurance"));
        regimeLine(estimate, lines);
        int shown = 0;
        for (LayerEstimate layer : estimate.layers()) {
            if (shown++ == HOVER_LAYERS) {
                lines.add("… " + (estimate.layers().size() - HOVER_LAYERS) + " more layers");
                break;
            }
            lines.add(layer.name() + ": " + layerHint(new LayerCost(name, 1, estimate, layer)));
        }
        return new Breakdown("Mapping " + name + ": network " + estimate.mapping().network().name() + " on chip " + chip.name() + " ("
                + count(chip.tileCount()) + " tiles of " + tile.name() + ", " + tile.rows() + " rows × " + tile.columns() + " columns "
                + tile.cell().label() + ")", lines);
    }

    private Breakdown experimentBreakdown(ExperimentCost cost) {
        List<String> lines = new ArrayList<>();
        lines.add("stored weights: " + count(cost.mapping().weights()));
        String sweep;
        if (cost.layerBer().isPresent()) {
            double ber = cost.layerBer().getAsDouble();
            sweep = "BER " + rate(ber) + " in one layer at a time";
            for (LayerEstimate layer : cost.mapping().layers()) {
                if (layer.geometry().weights() > 0) {
                    lines.add(layer.name() + ": " + count(layer.geometry().weights()) + " weights → "
                            + number(layer.geometry().weights() * ber) + " expected bit errors per chip");
                }
            }
        } else if (cost.sweptRegimes().isPresent()) {
            sweep = "regime sweep";
            cost.sweptRegimes().get().forEach(ber -> lines.add(regimeErrorsLine(cost, ber)));
            if (cost.sweptRegimes().get().isEmpty()) {
                lines.add("the BER of the regimes is not estimated: the mapped chip's tile names no device");
            }
        } else {
            sweep = "BER sweep";
            for (double ber : cost.berPoints()) {
                lines.add("BER " + rate(ber) + " → " + number(cost.expectedBitErrors(ber)) + " expected bit errors per chip");
            }
            cost.regimeBer().ifPresent(ber -> lines.add(regimeErrorsLine(cost, ber)));
        }
        return new Breakdown("Experiment " + cost.experimentName() + ": " + sweep + " of mapping " + cost.mapping().mapping().name()
                + " (weights × BER)", lines);
    }

    /** "regime nominal (2T2R, …): BER 1.20e-05 → 35 expected bit errors per chip". */
    private static String regimeErrorsLine(ExperimentCost cost, RegimeBer ber) {
        return "regime " + ber.regime() + " (" + ber.how() + "): BER " + rate(ber.effective()) + " → "
                + number(cost.expectedBitErrors(ber.effective())) + " expected bit errors per chip";
    }

    private Optional<Breakdown> networkBreakdown(Network network) {
        List<MappingEstimate> mapped = estimates.of(network);
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (MappingEstimate estimate : mapped) {
            lines.add("mapping " + estimate.mapping().name() + ": " + mappingHint(estimate));
        }
        return Optional.of(new Breakdown("Network " + network.getName() + ": " + count(mapped.get(0).weights()) + " weights ("
                + weightValuesLine(mapped.get(0).mapping().network()) + ") in " + mapped.get(0).layers().size() + " layers", lines));
    }

    private Breakdown tileBreakdown(TileSpec tile) {
        List<String> lines = new ArrayList<>();
        lines.add(tile.rows() + " rows × " + tile.columns() + " columns = " + count(tile.cells()) + " " + tile.cell().label() + " cells");
        tile.sense().ifPresent(sense -> lines.add("sense: " + EstimateText.joules(sense.energyPerSenseJoules()) + " per sense"));
        tile.device().ifPresent(device -> {
            for (String regime : device.regimeNames()) {
                RegimeErrorRates.of(tile, regime).ifPresent(ber -> lines.add(berLine(ber)));
            }
        });
        return new Breakdown("Tile " + tile.name() + tile.device().map(d -> " of " + d.name()).orElse(""), lines);
    }

    private Optional<Breakdown> chipBreakdown(Chip chip) {
        if (chip.getTile() == null || chip.getTile().eIsProxy()) {
            return Optional.empty();
        }
        return estimates.of(chip.getTile()).map(tile -> new Breakdown("Chip " + chip.getName(), List.of(
                count(chip.getTileCount()) + " tiles of " + tile.name() + " = " + count(chip.getTileCount() * tile.cells()) + " cells")));
    }

    private Breakdown deviceBreakdown(DeviceSpec device) {
        List<String> lines = new ArrayList<>();
        for (String regime : device.regimeNames()) {
            lines.addAll(regimeBreakdown(device, regime).lines());
        }
        return new Breakdown("Device " + device.name() + (device.stack().isEmpty() ? "" : " (" + device.stack() + ")"), lines);
    }

    private Breakdown regimeBreakdown(DeviceSpec device, String regime) {
        return new Breakdown("Regime " + regime + " of " + device.name(), COMPARED_CELLS.stream()
                .map(cell -> berLine(RegimeErrorRates.of(cell, Optional.empty(), device, regime))).toList());
    }

    private static void regimeLine(MappingEstimate estimate, List<String> lines) {
        estimate.mapping().regime().ifPresentOrElse(
                regime -> RegimeErrorRates.of(estimate.mapping().chip().tile(), regime).ifPresent(ber -> lines.add(berLine(ber))),
                () -> lines.add("no regime: the weight BER is not estimated"));
    }

    private static String berLine(RegimeBer ber) {
        return "BER of regime " + ber.regime() + ": " + rate(ber.raw()) + " (" + ber.how() + ")"
                + (ber.afterEcc().isPresent() ? ", " + rate(ber.afterEcc().getAsDouble()) + " after decoding (approximation)" : "");
    }

    private static void energyLines(Energy energy, List<String> lines) {
        StringBuilder line = new StringBuilder("energy per inference: ").append(energy(energy));
        if (!energy.joules().isEmpty()) {
            line.append(" (");
            String separator = "";
            for (Map.Entry<EnergyComponent, Double> component : energy.joules().entrySet()) {
                line.append(separator).append(component.getKey().label()).append(' ').append(EstimateText.joules(component.getValue()));
                separator = ", ";
            }
            line.append(')');
        }
        lines.add(line.toString());
        if (!energy.missing().isEmpty()) {
            lines.add("not estimated (no unit energy given): "
                    + energy.missing().stream().map(c -> c.label() + " " + c.unit()).collect(Collectors.joining(", ")));
        }
    }

    /** The known energy; "≥" when some component has no unit energy, so the total is a lower bound. */
    private static String energy(Energy energy) {
        if (energy.joules().isEmpty()) {
            return energy.missing().isEmpty() ? "0 J" : "energy not given";
        }
        return (energy.complete() ? "" : "≥ ") + EstimateText.joules(energy.totalJoules());
    }

    /** The latency in seconds when the chip has a clock, else in cycles. */
    private static String latency(long cycles, ChipSpec chip) {
        OptionalDouble seconds = chip.seconds(cycles);
        return seconds.isPresent() ? EstimateText.seconds(seconds.getAsDouble()) : count(cycles) + " cycles";
    }

    private static String seconds(long cycles, ChipSpec chip) {
        OptionalDouble seconds = chip.seconds(cycles);
        return seconds.isPresent() ? " = " + EstimateText.seconds(seconds.getAsDouble()) : " (no clock given)";
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    static String rate(double ber) {
        if (ber == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, ber >= 0.01 ? "%.3g" : "%.2e", ber);
    }

    /** An expected count: three significant digits, k/M/G for large ones. */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        String[] suffixes = {"", "k", "M", "G", "T"};
        int group = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 999.5 && group < suffixes.length - 1) {
            scaled /= 1000;
            group++;
        }
        String digits = String.format(Locale.ROOT, "%.3g", scaled);
        if (digits.contains(".") && !digits.contains("e")) {
            digits = digits.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return digits + suffixes[group];
    }
}
