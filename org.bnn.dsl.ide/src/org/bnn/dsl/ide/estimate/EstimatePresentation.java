package org.bnn.dsl.ide.estimate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Experiment;
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
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
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

    /** The one-line hint of an element with an estimate (layer, mapping, experiment), if it has one. */
    public Optional<String> hint(EObject element) {
        if (element instanceof Layer layer) {
            return estimates.of(layer).map(this::layerHint);
        }
        if (element instanceof Mapping mapping) {
            return estimates.of(mapping).map(this::mappingHint);
        }
        if (element instanceof Experiment experiment) {
            return estimates.of(experiment).map(this::experimentHint);
        }
        return Optional.empty();
    }

    /** "800 tiles at 0..799 · 41.6 nJ · 370 ns": tiles and where they are, energy per inference and latency of one layer. */
    public String layerHint(LayerCost cost) {
        LayerEstimate layer = cost.layer();
        String tiles = layer.hasTiles()
                ? count(layer.tiles()) + (layer.tiles() == 1 ? " tile" : " tiles") + " at "
                        + EstimateText.tileSpan(layer)
                : "no tiles";
        String hint = tiles + DOT + energy(layer.energy()) + DOT + latency(layer.cycles(), cost.mapping().mapping().chip());
        return cost.mappings() > 1 ? hint + " (" + cost.mappingName() + ")" : hint;
    }

    /** "2,880/4,096 tiles (70.3 %) · 151 nJ/inference · 1.26 us · 69.4 % of cells hold weights". */
    public String mappingHint(MappingEstimate estimate) {
        String tiles = count(estimate.tilesNeeded()) + "/" + count(estimate.tilesAvailable()) + " tiles ("
                + percent((double) estimate.tilesNeeded() / estimate.tilesAvailable()) + ")"
                + (estimate.fits() ? "" : " DOES NOT FIT");
        return tiles + DOT + energy(estimate.energy()) + "/inference" + DOT + latency(estimate.cycles(), estimate.mapping().chip())
                + DOT + percent(estimate.chipUtilization()) + " of cells hold weights";
    }

    /** "2,913,280 weights × BER → 0 · 2.91 · 29.1 … expected bit errors per chip". */
    public String experimentHint(ExperimentCost cost) {
        String perPoint = cost.berPoints().stream().map(ber -> number(cost.expectedBitErrors(ber))).collect(Collectors.joining(DOT));
        String hint = count(cost.mapping().weights()) + " weights × BER → " + perPoint + " expected bit errors per chip";
        return cost.regimeBer().map(ber -> hint + "; regime " + ber.regime() + ": BER " + rate(ber.effective()) + " → "
                + number(cost.expectedBitErrors(ber.effective()))).orElse(hint);
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
            return estimates.of(device).map(this::deviceBreakdown);
        }
        if (element instanceof Regime regime && regime.eContainer() instanceof Device device) {
            return estimates.of(device).map(spec -> regimeBreakdown(spec, regime.getName()));
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
            lines.add("placed on " + EstimateText.placedOn(layer) + (cost.mapping().mapping().placement().auto() ? " (auto)" : ""));
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
        lines.add("tiles: " + count(estimate.tilesNeeded()) + " of " + count(estimate.tilesAvailable()) + " ("
                + percent((double) estimate.tilesNeeded() / estimate.tilesAvailable()) + ")"
                + (estimate.fits() ? "" : ", does not fit without reprogramming") + "; chip utilization "
                + percent(estimate.chipUtilization()) + " of the cells");
        if (estimate.tilesPlaced() > estimate.tilesNeeded()) {
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
        for (double ber : cost.berPoints()) {
            lines.add("BER " + rate(ber) + " → " + number(cost.expectedBitErrors(ber)) + " expected bit errors per chip");
        }
        cost.regimeBer().ifPresent(ber -> lines.add("regime " + ber.regime() + " (" + ber.how() + "): BER " + rate(ber.effective())
                + " → " + number(cost.expectedBitErrors(ber.effective())) + " expected bit errors per chip"));
        return new Breakdown("Experiment " + cost.experimentName() + ": BER sweep of mapping " + cost.mapping().mapping().name()
                + " (weights × BER)", lines);
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
