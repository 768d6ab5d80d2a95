package org.bnn.runtime.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.spec.MappingSpec;

/**
 * A design-space exploration (docs/explore.md): the designs of {@code mapping} over {@code axes}, visited as
 * {@code sampling} says, each estimated and, when an objective or a constraint needs accuracy, simulated on
 * {@code inputs} over {@code trials} chips like an experiment of one point; then the Pareto front of the
 * {@code objectives} among the designs that meet the {@code constraints}.
 *
 * @param shardInputs inputs per simulation task: a task is (design, chip, shard of this many inputs), and
 *                    per-inference errors are keyed by it, so it is part of what reproduces a run
 * @param weights     the trained weights ({@code .npz}, relative to the description's folder); empty: seeded random weights
 */
public record ExploreSpec(String name, MappingSpec mapping, InputSource inputs, ErrorSpec errors, List<ExploreAxis> axes,
        Sampling sampling, List<Objective> objectives, List<Constraint> constraints, int trials, long seed, int shardInputs,
        Optional<String> weights, Optional<ReportSpec> report) {
    /** Designs an exploration may visit (grid or sampled). */
    public static final int MAX_DESIGNS = 100_000;
    /** Inputs per task unless said otherwise: large enough to amortise a task, small enough to balance cores. */
    public static final int DEFAULT_SHARD_INPUTS = 1000;

    public ExploreSpec {
        String record = "ExploreSpec(" + Checks.name("ExploreSpec", "name", name) + ")";
        Checks.present(record, "mapping", mapping);
        Checks.present(record, "inputs", inputs);
        Checks.present(record, "errors", errors);
        axes = List.copyOf(Checks.present(record, "axes", axes));
        Checks.present(record, "sampling", sampling);
        objectives = List.copyOf(Checks.present(record, "objectives", objectives));
        constraints = List.copyOf(Checks.present(record, "constraints", constraints));
        Checks.positive(record, "trials", trials);
        Checks.positive(record, "shardInputs", shardInputs);
        Checks.present(record, "weights", weights);
        Checks.present(record, "report", report);
        Set<String> kinds = new HashSet<>();
        for (ExploreAxis axis : axes) {
            if (!kinds.add(axis instanceof ExploreAxis.Replication ? axis.keyword() : axis.getClass().getSimpleName())) {
                throw new SpecViolation(record, "axes", axis.keyword(), Problem.DUPLICATE,
                        record + " varies " + axis.keyword() + " twice: list all its values in one axis");
            }
            Optional<String> problem = axis.problemOn(mapping, errors);
            if (problem.isPresent()) {
                throw new SpecViolation(record, "axes", axis.keyword(), Problem.INCONSISTENT,
                        record + " cannot vary " + axis.keyword() + ": " + problem.get());
            }
        }
        if (objectives.isEmpty() || objectives.stream().distinct().count() != objectives.size()) {
            throw new SpecViolation(record, "objectives", objectives.isEmpty() ? Problem.MISSING : Problem.DUPLICATE,
                    record + ".objectives must be distinct and not empty, got " + objectives);
        }
        Optional<Constraint.Contradiction> contradiction = Constraint.contradiction(constraints, mapping.chip().tileCount());
        if (contradiction.isPresent()) {
            throw new SpecViolation(record, "constraints", constraints.get(contradiction.get().index()).objective().keyword(),
                    Problem.INCONSISTENT, record + ": " + contradiction.get().reason());
        }
        if (errors.level() == ErrorLevel.DEVICE && errors.resampling() != Resampling.PER_CHIP) {
            throw new SpecViolation(record, "errors", Problem.INCONSISTENT, record
                    + " draws device-level errors per read: an exploration's chips are cut into shards of inputs, so it draws "
                    + "device-level errors per chip only");
        }
        boolean regime = mapping.regime().isPresent() || axes.stream().anyMatch(a -> a instanceof ExploreAxis.Regimes);
        boolean ber = axes.stream().anyMatch(a -> a instanceof ExploreAxis.Ber);
        if (simulates(objectives, constraints) && !regime && !ber) {
            throw new SpecViolation(record, "axes", Problem.MISSING, record + " simulates accuracy, but nothing sets the chips' "
                    + "bit error rate: give mapping " + mapping.name() + " a regime, vary regime, or vary ber");
        }
        for (Objective needsRegime : List.of(Objective.PROGRAMMING, Objective.LIFETIME)) {
            boolean asked = objectives.contains(needsRegime) || constraints.stream().anyMatch(c -> c.objective() == needsRegime);
            if (asked && !regime) {
                throw new SpecViolation(record, "objectives", needsRegime.keyword(), Problem.MISSING, record + " ranks by "
                        + needsRegime.keyword() + ", which follows from the programming regime: give mapping " + mapping.name()
                        + " a regime, or vary regime");
            }
        }
        checkDesignCount(record, sampling, axes);
    }

    /**
     * The designs an exploration visits, at most {@link #MAX_DESIGNS}: each is resolved, estimated and reported (a row
     * of the CSV, a point of every plot). A grid too large to number is refused here too, not when it is enumerated.
     */
    private static void checkDesignCount(String record, Sampling sampling, List<ExploreAxis> axes) {
        List<Integer> sizes = axes.stream().map(ExploreAxis::size).toList();
        String grid = sizes.stream().map(String::valueOf).reduce((a, b) -> a + " x " + b).orElse("1");
        long designs;
        try {
            designs = Sampling.gridSize(sizes);
        } catch (ArithmeticException overflow) {
            throw new SpecViolation(record, "axes", Problem.TOO_LARGE, record + "'s grid of " + grid
                    + " designs has more than 2^63 of them: vary fewer values");
        }
        boolean sampled = sampling.kind() != Sampling.Kind.GRID;
        long visited = sampled ? Math.min(designs, sampling.count()) : designs;
        if (visited > MAX_DESIGNS) {
            throw new SpecViolation(record, sampled ? "sampling" : "axes", Problem.TOO_LARGE, record + " would visit " + visited
                    + " designs (" + (sampled ? sampling.kind().keyword() + " " + sampling.count() + " of " : "the grid of ") + grid
                    + "); an exploration visits at most " + MAX_DESIGNS + (sampled ? "" : ": sample some of them"));
        }
    }

    /** Values per axis. */
    public List<Integer> sizes() {
        return axes.stream().map(ExploreAxis::size).toList();
    }

    /** True if some design is simulated: accuracy is an objective or constrained. */
    public boolean simulates() {
        return simulates(objectives, constraints);
    }

    private static boolean simulates(List<Objective> objectives, List<Constraint> constraints) {
        return objectives.stream().anyMatch(Objective::simulated) || constraints.stream().anyMatch(c -> c.objective().simulated());
    }

    /** The designs to visit, in grid order, each resolved or said to be infeasible. */
    public List<DesignPoint> designs() {
        List<DesignPoint> points = new ArrayList<>();
        for (int[] levels : sampling.designs(sizes(), seed)) {
            points.add(DesignPoint.resolve(this, points.size(), levels));
        }
        return points;
    }
}
