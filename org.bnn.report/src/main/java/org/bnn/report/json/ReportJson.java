package org.bnn.report.json;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalDouble;

import org.bnn.report.Report;
import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.bnn.report.data.SweepAxis;
import org.bnn.report.data.ComparisonRow;
import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.data.RegimeRow;
import org.bnn.runtime.estimate.EnergyComponent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report as one JSON document. Fields are written in a fixed order, numbers as Java's shortest
 * round-trip text, lines end with "\n": the same report gives the same bytes on every machine.
 * Shares are in [0, 1], energies in joules; the description is copied as given.
 */
public final class ReportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ReportJson() {
    }

    public static String write(Report report) {
        try {
            return WRITER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the report " + report.title() + " as JSON", e);
        }
    }

    /** The document: tool, version, [created], title, quantity, description, seeds, then the results present. */
    public static ObjectNode tree(Report report) {
        ObjectNode root = NODES.objectNode();
        root.put("tool", report.tool());
        root.put("version", report.version());
        report.created().ifPresent(time -> root.put("created", time.toString()));
        root.put("title", report.title());
        root.put("quantity", report.quantity());
        report.description().ifPresent(description -> root.set("description", description));
        ObjectNode seeds = root.putObject("seeds");
        report.seeds().forEach(seeds::put);
        if (!report.series().isEmpty()) {
            ArrayNode series = root.putArray("series");
            report.series().forEach(s -> series.add(series(s, report.axis())));
        }
        report.energy().ifPresent(energy -> root.set("energyPerInference", energy(energy)));
        if (!report.regimes().isEmpty()) {
            ArrayNode regimes = root.putArray("regimes");
            report.regimes().forEach(r -> regimes.add(regime(r)));
        }
        if (!report.comparison().isEmpty()) {
            ArrayNode comparison = root.putArray("comparison");
            report.comparison().forEach(r -> comparison.add(comparison(r)));
        }
        return root;
    }

    /** One row of a comparison; values that do not apply or are not estimated are null. */
    private static ObjectNode comparison(ComparisonRow row) {
        ObjectNode node = NODES.objectNode();
        node.put("regime", row.regime());
        node.put("mapping", row.mapping());
        node.put("cells", row.cells());
        node.put("read", row.read());
        node.put("rawBer", row.rawBer());
        optional(node, "decodedBer", row.decodedBer());
        optional(node, "seenBer", row.seenBer());
        node.put("accuracyMean", row.accuracyMean());
        node.put("accuracyStd", row.accuracyStd());
        node.put("trials", row.trials());
        node.put("cellCount", row.cellCount());
        node.put("devices", row.devices());
        optional(node, "senseJoules", row.senseJoules());
        optional(node, "decodeJoules", row.decodeJoules());
        optional(node, "programmingJoules", row.programmingJoules());
        node.put("energyPerInferenceJoules", row.energyPerInferenceJoules());
        return node;
    }

    private static void optional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static ObjectNode series(BerSeries series, SweepAxis axis) {
        ObjectNode node = NODES.objectNode();
        node.put("label", series.label());
        ArrayNode points = node.putArray("points");
        for (BerPoint p : series.points()) {
            ObjectNode point = points.addObject();
            point.put(axis.column(), p.ber());
            point.put("mean", p.mean());
            point.put("std", p.standardDeviation());
            point.put("ci95HalfWidth", p.confidence95());
            ArrayNode trials = point.putArray("perTrial");
            for (double value : p.perTrial()) {
                trials.add(value);
            }
        }
        return node;
    }

    private static ObjectNode energy(EnergyBreakdown energy) {
        ObjectNode node = NODES.objectNode();
        node.put("unit", "J");
        node.put("totalJoules", energy.totalJoules());
        ArrayNode missing = node.putArray("notEstimated");
        energy.notEstimated().forEach(c -> missing.add(key(c)));
        ArrayNode layers = node.putArray("layers");
        for (EnergyBreakdown.LayerEnergy layer : energy.layers()) {
            ObjectNode entry = layers.addObject();
            entry.put("layer", layer.layer());
            ObjectNode joules = entry.putObject("joules");
            layer.joules().forEach((component, value) -> joules.put(key(component), value));
            entry.put("totalJoules", layer.totalJoules());
        }
        return node;
    }

    private static ObjectNode regime(RegimeRow row) {
        ObjectNode node = NODES.objectNode();
        node.put("regime", row.regime());
        node.put("ber", row.ber());
        node.put("accuracyMean", row.accuracyMean());
        node.put("accuracyStd", row.accuracyStd());
        node.put("programmingEnergyJoules", row.programmingEnergyJoules());
        node.put("enduranceCycles", row.enduranceCycles());
        node.put("energyPerInferenceJoules", row.energyPerInferenceJoules());
        return node;
    }

    /** The component's name as in the CSV columns ("partial_sums"). */
    private static String key(EnergyComponent component) {
        return component.name().toLowerCase(Locale.ROOT);
    }
}
