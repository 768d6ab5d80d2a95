package org.bnn.report.data;

import java.util.List;
import java.util.Locale;

import org.bnn.report.format.EnergyUnit;
import org.bnn.report.format.Numbers;
import org.bnn.runtime.explore.DesignResult;
import org.bnn.runtime.explore.ExplorationResult;
import org.bnn.runtime.explore.Objective;

/**
 * How reports show one objective of an exploration to people: its label with a unit picked for the values of
 * the designs (nJ or mJ, ns or µs, %), the factor from SI, and whether a plot needs a log axis (values spread
 * over more than two decades, as endurance does).
 *
 * @param factor what an SI value is multiplied by to be shown
 */
public record ObjectiveScale(Objective objective, String label, double factor, boolean logarithmic) {

    /** The scale of {@code objective} over the designs of {@code result} that have a value of it. */
    public static ObjectiveScale of(Objective objective, ExplorationResult result) {
        List<Double> values = result.designs().stream().map(d -> d.value(objective)).filter(v -> v.isPresent())
                .map(v -> v.getAsDouble()).toList();
        double largest = values.stream().mapToDouble(Math::abs).max().orElse(0);
        double smallest = values.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(0);
        boolean wide = smallest > 0 && largest / smallest > 100;
        return switch (objective) {
            case ACCURACY -> new ObjectiveScale(objective, (result.labelled() ? "Accuracy" : "Agreement with the error-free chip") + " (%)",
                    100, false);
            case ENERGY, PROGRAMMING -> {
                EnergyUnit unit = EnergyUnit.forLargest(largest);
                yield new ObjectiveScale(objective, (objective == Objective.ENERGY ? "Energy per inference" : "Programming energy") + " ("
                        + unit.symbol() + ")", unit.of(1), wide);
            }
            case LATENCY -> latency(designsInSeconds(result), largest, wide);
            case TILES -> new ObjectiveScale(objective, "Tiles", 1, wide);
            case LIFETIME -> new ObjectiveScale(objective, "Lifetime (programmings)", 1, wide);
        };
    }

    private static boolean designsInSeconds(ExplorationResult result) {
        return result.designs().stream().flatMap(d -> d.costs().stream()).allMatch(c -> c.latencyInSeconds());
    }

    private static ObjectiveScale latency(boolean seconds, double largest, boolean wide) {
        if (!seconds) {
            return new ObjectiveScale(Objective.LATENCY, "Latency (cycles)", 1, wide);
        }
        boolean micro = largest >= 1e-6;
        return new ObjectiveScale(Objective.LATENCY, "Latency (" + (micro ? "µs" : "ns") + ")", micro ? 1e6 : 1e9, wide);
    }

    /** The value of a design as people read it: "98.12", "439", "1e7"; "–" when it has none. */
    public String text(DesignResult design) {
        var value = design.value(objective);
        if (value.isEmpty()) {
            return "–";
        }
        double shown = value.getAsDouble() * factor;
        return switch (objective) {
            case ACCURACY -> String.format(Locale.ROOT, "%.2f", shown);
            case TILES -> String.format(Locale.ROOT, "%,d", (long) shown);
            case LIFETIME -> Numbers.cycles(shown);
            default -> Numbers.significant(shown);
        };
    }
}
