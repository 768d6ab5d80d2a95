package org.bnn.runtime.estimate;

import java.util.Locale;

import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

/** Plain-text rendering of estimates, shared by the CLI and the generated simulations. */
public final class EstimateText {
    private EstimateText() {
    }

    /** A per-layer table of tile usage followed by the total and the chip's utilization. */
    public static String tileTable(MappingEstimate estimate) {
        MappingSpec mapping = estimate.mapping();
        TileSpec tile = mapping.chip().tile();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "mapping %s: network %s on chip %s (%d tiles of %s, %d rows x %d columns %s)%n",
                mapping.name(), mapping.network().name(), mapping.chip().name(), mapping.chip().tileCount(),
                tile.name(), tile.rows(), tile.columns(), tile.cell().label()));
        text.append(String.format(Locale.ROOT, "  %-12s %8s %8s %10s %8s  %s%n", "layer", "fan-in", "fan-out", "positions", "tiles",
                "placed on"));
        for (LayerEstimate layer : estimate.layers()) {
            if (layer.hasTiles()) {
                text.append(String.format(Locale.ROOT, "  %-12s %8d %8d %10d %8d  %s%n", layer.name(), layer.geometry().fanIn(),
                        layer.geometry().fanOut(), layer.geometry().positions(), layer.tiles(), placedOn(layer)));
            } else {
                text.append(String.format(Locale.ROOT, "  %-12s %8s %8s %10d %8s  %s%n", layer.name(), "pool", "-",
                        layer.geometry().output().size() / layer.geometry().output().channels(), "-", "-"));
            }
        }
        text.append(String.format(Locale.ROOT, "tiles: %d of %d (%.1f %%)%s%s%n", estimate.tilesNeeded(),
                estimate.tilesAvailable(), 100.0 * estimate.tilesNeeded() / estimate.tilesAvailable(),
                estimate.tilesPlaced() > estimate.tilesNeeded()
                        ? String.format(Locale.ROOT, ", %d placed (%.1f %% of their cells hold weights)",
                                estimate.tilesPlaced(), 100.0 * estimate.placedUtilization())
                        : "",
                estimate.fits() ? "" : " -- DOES NOT FIT"));
        if (tile.spareColumns() > 0) {
            // Spares hold no weights and are sensed instead of a faulty column, not beside it: their cost is area.
            text.append(String.format(Locale.ROOT, "spares: %d columns per tile, %d cells on the chip (+%.1f %% of its cells)%n",
                    tile.spareColumns(), tile.spareCells() * estimate.tilesAvailable(), 100.0 * tile.spareCells() / tile.cells()));
        }
        text.append(String.format(Locale.ROOT, "placement: %s%n", estimate.mapping().placement().auto() ? "auto" : "explicit"));
        return text.toString();
    }

    /**
     * Where a layer sits, as written in a .bnn file ("tiles 0..799", "tile 5"), and how its range
     * compares with its needs: "(+3 spare)" when larger, "(streamed)" when smaller (reprogramming).
     */
    public static String placedOn(LayerEstimate layer) {
        return layer.range().map(range -> range.text() + fit(layer)).orElse("-");
    }

    /** The same without the word: "0..799", "5", "0..809 (+10 spare)"; "-" for a layer without tiles. */
    public static String tileSpan(LayerEstimate layer) {
        return layer.range().map(range -> range.span() + fit(layer)).orElse("-");
    }

    private static String fit(LayerEstimate layer) {
        long difference = layer.range().get().count() - layer.tiles();
        return difference > 0 ? " (+" + difference + " spare)" : difference < 0 ? " (streamed)" : "";
    }

    /**
     * Energy per inference by layer and component, latency and throughput. Components without a
     * unit energy in the description are named as not estimated.
     */
    public static String costTable(MappingEstimate estimate) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "  %-12s %12s %12s%n", "layer", "energy", "cycles"));
        for (LayerEstimate layer : estimate.layers()) {
            text.append(
                    String.format(Locale.ROOT, "  %-12s %12s %12d%n", layer.name(), joules(layer.energy().totalJoules()), layer.cycles()));
        }
        Energy energy = estimate.energy();
        text.append("energy per inference: ").append(joules(energy.totalJoules()));
        if (!energy.joules().isEmpty()) {
            text.append(" (");
            String separator = "";
            for (var component : energy.joules().entrySet()) {
                text.append(separator).append(component.getKey().label()).append(' ').append(joules(component.getValue()));
                separator = ", ";
            }
            text.append(')');
        }
        text.append(String.format("%n"));
        if (!energy.missing().isEmpty()) {
            text.append("not estimated (no unit energy given): ");
            text.append(String.join(", ", energy.missing().stream().map(c -> c.label() + " " + c.unit()).toList()));
            text.append(String.format("%n"));
        }
        if (estimate.latencySeconds().isPresent()) {
            text.append(String.format(Locale.ROOT, "latency: %d cycles = %s per inference, %.4g inferences/s%n", estimate.cycles(),
                    seconds(estimate.latencySeconds().getAsDouble()), estimate.throughputPerSecond().getAsDouble()));
        } else {
            text.append(String.format(Locale.ROOT, "latency: %d cycles (no clock given)%n", estimate.cycles()));
        }
        estimate.programming().ifPresent(p -> text.append(String.format(Locale.ROOT,
                "programming (one time): %d pulses, %s, %.3g of the endurance%n", p.pulses(), joules(p.energyJoules()),
                p.enduranceFraction())));
        estimate.reprogramming().ifPresent(r -> text.append(reprogrammingLine(r)).append(String.format("%n")));
        return text.toString();
    }

    /** "reprogramming (per inference): 1600 tile writes, ..." for a mapping that does not fit. */
    public static String reprogrammingLine(Reprogramming reprogramming) {
        String line = String.format(Locale.ROOT, "reprogramming (per inference): %d tile writes, %d per device",
                reprogramming.tileWritesPerInference(), reprogramming.writesPerDevice());
        if (reprogramming.perInference().isPresent()) {
            var cost = reprogramming.perInference().get();
            line += String.format(Locale.ROOT, ", %d pulses, %s; devices worn out after %.3g inferences", cost.pulses(),
                    joules(cost.energyJoules()), reprogramming.inferencesUntilWornOut().get());
        }
        return line;
    }

    /** Joules with an SI prefix, three significant digits. */
    public static String joules(double value) {
        return withPrefix(value, "J");
    }

    /** Seconds with an SI prefix, three significant digits. */
    public static String seconds(double value) {
        return withPrefix(value, "s");
    }

    private static String withPrefix(double value, String unit) {
        if (value == 0) {
            return "0 " + unit;
        }
        String[] prefixes = {"f", "p", "n", "u", "m", "", "k", "M", "G"};
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
        int index = Math.max(0, Math.min(prefixes.length - 1, exponent + 5));
        double scaled = value / Math.pow(1000, index - 5);
        return String.format(Locale.ROOT, "%.3g %s%s", scaled, prefixes[index], unit);
    }
}
