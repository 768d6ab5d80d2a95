package org.bnn.report.json;

import java.io.UncheckedIOException;

import org.bnn.report.ToolVersion;
import org.bnn.report.data.FromRuntime;
import org.bnn.runtime.explore.Costs;
import org.bnn.runtime.explore.DesignResult;
import org.bnn.runtime.explore.ExplorationResult;

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
 * The JSON of an exploration, what reproduces it: the fully resolved exploration (every default filled in,
 * SI units), the seeds (the exploration's, each chip's, the inputs per shard), and every design with the axis
 * values, its fully resolved mapping, its costs, its accuracy per chip, what it fails and whether it is on the
 * front. Numbers are Java's shortest round-trip text; lines end with "\n".
 */
public final class ParetoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ParetoJson() {
    }

    public static String write(ExplorationResult result) {
        ObjectNode root = NODES.objectNode();
        root.put("tool", ToolVersion.TOOL);
        root.put("version", ToolVersion.current());
        root.set("exploration", FromRuntime.description(result.spec()));
        ObjectNode seeds = root.putObject("seeds");
        seeds.put("exploration", result.spec().seed());
        ArrayNode chips = seeds.putArray("chips");
        result.chipSeeds().forEach(chips::add);
        seeds.put("shardInputs", result.spec().shardInputs());
        root.put("simulations", result.simulations());
        root.put("inputs", result.inputs());
        root.put("quantity", result.labelled() ? "accuracy" : "agreement with the error-free chip");
        ArrayNode designs = root.putArray("designs");
        result.designs().forEach(design -> designs.add(design(result, design)));
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write exploration " + result.spec().name() + " as JSON", e);
        }
    }

    private static ObjectNode design(ExplorationResult result, DesignResult design) {
        ObjectNode node = NODES.objectNode();
        node.put("design", design.point().index() + 1);
        ObjectNode values = node.putObject("values");
        for (int axis = 0; axis < design.point().labels().size(); axis++) {
            values.put(result.spec().axes().get(axis).keyword(), design.point().labels().get(axis));
        }
        design.point().infeasible().ifPresent(reason -> node.put("infeasible", reason));
        design.point().mapping().ifPresent(mapping -> node.set("mapping", FromRuntime.description(mapping)));
        design.point().experiment().ifPresent(experiment -> node.set("sweep", FromRuntime.description(experiment.sweep())));
        design.costs().ifPresent(costs -> node.set("costs", costs(costs)));
        design.accuracy().ifPresent(accuracy -> {
            ObjectNode statistics = node.putObject("accuracy");
            statistics.put("mean", accuracy.mean());
            statistics.put("std", accuracy.standardDeviation());
            statistics.put("ci95", accuracy.confidence95());
            ArrayNode perChip = statistics.putArray("perChip");
            for (double value : accuracy.perTrial()) {
                perChip.add(value);
            }
        });
        design.simulation().ifPresent(index -> node.put("simulation", index + 1));
        ArrayNode unmet = node.putArray("unmet");
        design.unmet().forEach(unmet::add);
        node.put("front", design.front());
        return node;
    }

    private static ObjectNode costs(Costs costs) {
        ObjectNode node = NODES.objectNode();
        node.put("tiles", costs.tiles());
        node.put("cells", costs.cells());
        node.put("devices", costs.devices());
        node.put("energyPerInferenceJoules", costs.energyJoules());
        node.put("energyComplete", costs.energyComplete());
        node.put(costs.latencyInSeconds() ? "latencySeconds" : "latencyCycles", costs.latency());
        costs.programmingJoules().ifPresent(value -> node.put("programmingJoules", value));
        costs.lifetime().ifPresent(value -> node.put("lifetimeProgrammings", value));
        return node;
    }
}
