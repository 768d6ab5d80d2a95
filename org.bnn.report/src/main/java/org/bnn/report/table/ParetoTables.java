package org.bnn.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.bnn.report.data.ObjectiveScale;
import org.bnn.report.format.Numbers;
import org.bnn.runtime.explore.Costs;
import org.bnn.runtime.explore.DesignResult;
import org.bnn.runtime.explore.ExplorationResult;
import org.bnn.runtime.explore.ExploreAxis;
import org.bnn.runtime.explore.Objective;

/**
 * The tables of an exploration: every design as CSV (exact SI values, one column per axis, then costs,
 * accuracy over chips, what it fails and whether it is on the front), and the front and the designs as
 * Markdown and as the text printed after a run.
 */
public final class ParetoTables {
    private ParetoTables() {
    }

    /** One row per design, in the order visited. */
    public static String csv(ExplorationResult result) {
        List<String> header = new ArrayList<>(List.of("design"));
        result.spec().axes().forEach(axis -> header.add(axis.keyword()));
        header.addAll(List.of("infeasible", "tiles", "cells", "devices", "energy_per_inference_j", "energy_complete", "latency",
                "latency_unit", "programming_j", "lifetime_programmings", "accuracy_mean", "accuracy_std", "accuracy_ci95", "chips",
                "unmet", "front"));
        List<List<String>> rows = new ArrayList<>();
        for (DesignResult design : result.designs()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(design.point().index() + 1)));
            row.addAll(design.point().labels());
            row.add(design.point().infeasible().orElse(""));
            Costs costs = design.costs().orElse(null);
            row.add(costs == null ? "" : Long.toString(costs.tiles()));
            row.add(costs == null ? "" : Long.toString(costs.cells()));
            row.add(costs == null ? "" : Long.toString(costs.devices()));
            row.add(costs == null ? "" : Numbers.exact(costs.energyJoules()));
            row.add(costs == null ? "" : Boolean.toString(costs.energyComplete()));
            row.add(costs == null ? "" : Numbers.exact(costs.latency()));
            row.add(costs == null ? "" : costs.latencyInSeconds() ? "s" : "cycles");
            row.add(costs == null ? "" : exact(costs.programmingJoules()));
            row.add(costs == null ? "" : exact(costs.lifetime()));
            row.add(design.accuracy().map(a -> Numbers.exact(a.mean())).orElse(""));
            row.add(design.accuracy().map(a -> Numbers.exact(a.standardDeviation())).orElse(""));
            row.add(design.accuracy().map(a -> Numbers.exact(a.confidence95())).orElse(""));
            row.add(design.accuracy().map(a -> Integer.toString(a.trials())).orElse(""));
            row.add(String.join("; ", design.unmet()));
            row.add(Boolean.toString(design.front()));
            rows.add(row);
        }
        return CsvTable.write(header, rows);
    }

    /** The front's designs (or, with {@code all}, every feasible design) as a Markdown table. */
    public static String markdown(ExplorationResult result, boolean all) {
        List<ObjectiveScale> scales = result.spec().objectives().stream().map(o -> ObjectiveScale.of(o, result)).toList();
        List<String> header = new ArrayList<>(List.of("design"));
        result.spec().axes().stream().map(ExploreAxis::keyword).forEach(header::add);
        scales.forEach(scale -> header.add(scale.label()));
        if (all) {
            header.add("front");
        }
        List<List<String>> rows = new ArrayList<>();
        for (DesignResult design : all ? result.designs().stream().filter(d -> d.costs().isPresent()).toList() : result.front()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(design.point().index() + 1)));
            row.addAll(design.point().labels());
            for (ObjectiveScale scale : scales) {
                String value = scale.text(design);
                row.add(scale.objective() == Objective.ACCURACY && design.accuracy().isPresent() && design.accuracy().get().trials() > 1
                        ? value + " ± " + String.format(Locale.ROOT, "%.2f", 100 * design.accuracy().get().confidence95())
                        : value);
            }
            if (all) {
                row.add(design.front() ? "yes" : design.unmet().isEmpty() ? "" : "fails " + String.join(", ", design.unmet()));
            }
            rows.add(row);
        }
        return MarkdownTable.write(header, rows);
    }

    /** A line saying what ran: designs, the infeasible ones, simulations × chips × inputs, the objectives. */
    public static String summary(ExplorationResult result) {
        long infeasible = result.designs().stream().filter(d -> d.point().infeasible().isPresent()).count();
        long admissible = result.designs().stream().filter(d -> d.admissible(result.spec().objectives())).count();
        String simulated = result.simulations() == 0
                ? "estimates only (no simulation)"
                : String.format(Locale.ROOT, "%d simulations x %d chips x %,d inputs", result.simulations(), result.spec().trials(),
                        result.inputs());
        return String.format(Locale.ROOT, "%d designs (%d infeasible, %d meeting every constraint), %s; Pareto front of %s: %d designs",
                result.designs().size(), infeasible, admissible, simulated,
                String.join(", ", result.spec().objectives().stream().map(Objective::keyword).toList()), result.front().size());
    }

    private static String exact(OptionalDouble value) {
        return value.isPresent() ? Numbers.exact(value.getAsDouble()) : "";
    }
}
