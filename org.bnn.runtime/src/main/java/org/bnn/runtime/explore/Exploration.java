package org.bnn.runtime.explore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.TrialStatistics;

/**
 * Runs an exploration (docs/explore.md): resolves the designs, estimates each (free), leaves out of the
 * simulation those that fail a cost constraint, simulates the others through an {@link ExploreExecutor}
 * when accuracy is asked for, checks the accuracy constraints, and marks the Pareto front.
 */
public final class Exploration {
    private Exploration() {
    }

    /**
     * @param base     the description's folder: relative paths (weights, data) are resolved against it
     * @param progress told as simulation tasks finish
     */
    public static ExplorationResult run(ExploreSpec spec, Path base, ExploreExecutor executor, ExperimentRunner.Progress progress) {
        List<DesignPoint> points = spec.designs();
        List<Optional<Costs>> costs = new ArrayList<>();
        List<List<String>> unmet = new ArrayList<>();
        Map<List<Object>, Integer> simulationOf = new LinkedHashMap<>();
        List<ExperimentSpec> simulations = new ArrayList<>();
        for (DesignPoint point : points) {
            Optional<Costs> cost = point.mapping().map(Costs::of);
            costs.add(cost);
            List<String> failed = new ArrayList<>();
            cost.ifPresent(c -> failed.addAll(unmetCosts(spec, c)));
            unmet.add(failed);
            if (spec.simulates() && cost.isPresent() && failed.isEmpty()) {
                ExperimentSpec experiment = point.experiment().orElseThrow();
                simulationOf.computeIfAbsent(ExplorationJob.key(experiment), key -> {
                    simulations.add(experiment);
                    return simulations.size() - 1;
                });
            }
        }
        List<TrialStatistics> measured = new ArrayList<>();
        int inputs = 0;
        boolean labelled = false;
        if (!simulations.isEmpty()) {
            ExplorationJob job = ExplorationJob.load(spec, simulations, base);
            List<ShardResult> results = executor.execute(job, job.tasks(), progress);
            labelled = job.labelled();
            inputs = job.inputs();
            measured.addAll(perChip(spec, simulations.size(), results, labelled));
        }
        List<DesignResult> designs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            DesignPoint point = points.get(i);
            int index = i;
            // A design that fails a cost constraint is not simulated, even where a design like it was.
            OptionalInt simulation = point.experiment().filter(e -> spec.simulates() && unmet.get(index).isEmpty())
                    .map(e -> OptionalInt.of(simulationOf.get(ExplorationJob.key(e)))).orElse(OptionalInt.empty());
            Optional<TrialStatistics> accuracy = simulation.isPresent()
                    ? Optional.of(measured.get(simulation.getAsInt()))
                    : Optional.empty();
            List<String> failed = new ArrayList<>(unmet.get(i));
            for (Constraint constraint : spec.constraints()) {
                if (constraint.objective().simulated() && accuracy.isPresent()
                        && !constraint.holds(accuracy.get().mean(), spec.mapping().chip().tileCount())) {
                    failed.add(constraint.describe());
                }
            }
            designs.add(new DesignResult(point, costs.get(i), accuracy, simulation, failed, false));
        }
        return new ExplorationResult(spec, markFront(spec, designs), simulations.size(), inputs, labelled, chipSeeds(spec));
    }

    /** The cost constraints {@code costs} does not meet (a cost the description does not give meets none). */
    private static List<String> unmetCosts(ExploreSpec spec, Costs costs) {
        List<String> failed = new ArrayList<>();
        for (Constraint constraint : spec.constraints()) {
            if (!constraint.objective().simulated()) {
                var value = costs.of(constraint.objective());
                if (value.isEmpty() || !constraint.holds(value.getAsDouble(), spec.mapping().chip().tileCount())) {
                    failed.add(constraint.describe());
                }
            }
        }
        return failed;
    }

    /** Per simulation, the accuracy (or agreement) of every chip: its counts summed over shards, in task order. */
    private static List<TrialStatistics> perChip(ExploreSpec spec, int simulations, List<ShardResult> results, boolean labelled) {
        long[][] hits = new long[simulations][spec.trials()];
        long[][] seen = new long[simulations][spec.trials()];
        for (ShardResult result : results) {
            SimulationTask task = result.task();
            hits[task.simulation()][task.chip()] += labelled ? result.correct() : result.agreeing();
            seen[task.simulation()][task.chip()] += result.inputs();
        }
        List<TrialStatistics> statistics = new ArrayList<>();
        for (int s = 0; s < simulations; s++) {
            double[] perChip = new double[spec.trials()];
            for (int chip = 0; chip < perChip.length; chip++) {
                perChip[chip] = (double) hits[s][chip] / seen[s][chip];
            }
            statistics.add(new TrialStatistics(perChip));
        }
        return statistics;
    }

    private static List<DesignResult> markFront(ExploreSpec spec, List<DesignResult> designs) {
        List<Integer> admissible = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            DesignResult design = designs.get(i);
            if (design.admissible(spec.objectives())) {
                admissible.add(i);
                values.add(spec.objectives().stream().mapToDouble(o -> design.value(o).getAsDouble()).toArray());
            }
        }
        boolean[] front = ParetoFront.of(values, spec.objectives());
        List<DesignResult> marked = new ArrayList<>(designs);
        for (int k = 0; k < front.length; k++) {
            marked.set(admissible.get(k), designs.get(admissible.get(k)).onFront(front[k]));
        }
        return marked;
    }

    private static List<Long> chipSeeds(ExploreSpec spec) {
        List<Long> seeds = new ArrayList<>();
        for (int chip = 0; chip < spec.trials(); chip++) {
            seeds.add(TaskSeeds.chip(spec.seed(), chip));
        }
        return seeds;
    }
}
