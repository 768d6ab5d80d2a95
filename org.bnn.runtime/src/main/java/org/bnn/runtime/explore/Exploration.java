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
     * What a run of {@code spec} will do, known without simulating: the designs, their costs, the cost
     * constraints each fails, and the simulations (designs that behave alike share one).
     *
     * @param costs      per design, empty when infeasible
     * @param unmetCosts per design, the cost constraints it fails (it is then not simulated)
     * @param simulation per design, the index of its simulation in {@code simulations}, or −1 when not simulated
     */
    public record Plan(List<DesignPoint> designs, List<Optional<Costs>> costs, List<List<String>> unmetCosts, List<Integer> simulation,
            List<ExperimentSpec> simulations) {
        public Plan {
            designs = List.copyOf(designs);
            costs = List.copyOf(costs);
            unmetCosts = List.copyOf(unmetCosts);
            simulation = List.copyOf(simulation);
            simulations = List.copyOf(simulations);
        }

        /** Designs that cannot be built. */
        public long infeasible() {
            return designs.stream().filter(d -> d.infeasible().isPresent()).count();
        }
    }

    /** The plan of {@code spec}: designs resolved and estimated, simulations grouped; nothing is simulated. */
    public static Plan plan(ExploreSpec spec) {
        List<DesignPoint> points = spec.designs();
        List<Optional<Costs>> costs = new ArrayList<>();
        List<List<String>> unmet = new ArrayList<>();
        List<Integer> simulation = new ArrayList<>();
        Map<List<Object>, Integer> simulationOf = new LinkedHashMap<>();
        List<ExperimentSpec> simulations = new ArrayList<>();
        for (DesignPoint point : points) {
            Optional<Costs> cost = point.mapping().map(Costs::of);
            costs.add(cost);
            List<String> failed = unmetCosts(spec, cost);
            unmet.add(failed);
            // A design that fails a cost constraint is not simulated, even where a design like it is.
            if (spec.simulates() && cost.isPresent() && failed.isEmpty()) {
                ExperimentSpec experiment = point.experiment().orElseThrow();
                simulation.add(simulationOf.computeIfAbsent(ExplorationJob.key(experiment), key -> {
                    simulations.add(experiment);
                    return simulations.size() - 1;
                }));
            } else {
                simulation.add(-1);
            }
        }
        return new Plan(points, costs, unmet, simulation, simulations);
    }

    /**
     * @param base     the description's folder: relative paths (weights, data) are resolved against it
     * @param progress told as simulation tasks finish
     */
    public static ExplorationResult run(ExploreSpec spec, Path base, ExploreExecutor executor, ExperimentRunner.Progress progress) {
        Plan plan = plan(spec);
        List<ExperimentSpec> simulations = plan.simulations();
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
        for (int i = 0; i < plan.designs().size(); i++) {
            int index = plan.simulation().get(i);
            OptionalInt simulation = index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
            Optional<TrialStatistics> accuracy = index < 0 ? Optional.empty() : Optional.of(measured.get(index));
            List<String> failed = new ArrayList<>(plan.unmetCosts().get(i));
            for (Constraint constraint : spec.constraints()) {
                if (constraint.objective().simulated() && accuracy.isPresent()
                        && !constraint.holds(accuracy.get().mean(), spec.mapping().chip().tileCount())) {
                    failed.add(constraint.describe());
                }
            }
            designs.add(new DesignResult(plan.designs().get(i), plan.costs().get(i), accuracy, simulation, failed, false));
        }
        return new ExplorationResult(spec, markFront(spec, designs), simulations.size(), inputs, labelled, chipSeeds(spec));
    }

    /** The cost constraints a feasible design's {@code costs} do not meet (a cost the description does not give meets none). */
    private static List<String> unmetCosts(ExploreSpec spec, Optional<Costs> costs) {
        List<String> failed = new ArrayList<>();
        for (Constraint constraint : spec.constraints()) {
            if (costs.isPresent() && !constraint.objective().simulated()) {
                var value = costs.get().of(constraint.objective());
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
