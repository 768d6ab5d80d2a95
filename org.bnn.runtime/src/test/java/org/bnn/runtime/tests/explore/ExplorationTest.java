package org.bnn.runtime.tests.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.data.Split;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.explore.Constraint;
import org.bnn.runtime.explore.DesignPoint;
import org.bnn.runtime.explore.DesignResult;
import org.bnn.runtime.explore.Exploration;
import org.bnn.runtime.explore.ExplorationJob;
import org.bnn.runtime.explore.ExplorationResult;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.InProcessExecutor;
import org.bnn.runtime.explore.Objective;
import org.bnn.runtime.explore.Sampling;
import org.bnn.runtime.explore.SimulationTask;
import org.bnn.runtime.testing.ExploreDesigns;
import org.junit.jupiter.api.Test;

/** Running an exploration: the same results whatever the threads and shards, shared simulations, free costs. */
class ExplorationTest {
    private static final Path HERE = Path.of(".");

    private static ExplorationResult run(ExploreSpec spec, int threads) {
        return Exploration.run(spec, HERE, new InProcessExecutor(threads), ExperimentRunner.Progress.NONE);
    }

    @Test
    void theResultsAreTheSameOnOneThreadAndOnThree() {
        ExplorationResult one = run(ExploreDesigns.spec(), 1);
        ExplorationResult three = run(ExploreDesigns.spec(), 3);
        assertEquals(one, three);
        assertEquals(12, one.designs().size());
        assertTrue(one.designs().stream().allMatch(d -> d.accuracy().isPresent()), "every design simulated");
        assertFalse(one.front().isEmpty());
    }

    /** Per-chip errors depend on the chip alone, so cutting the inputs into other shards changes nothing. */
    @Test
    void perChipResultsDoNotDependOnTheShards() {
        ExplorationResult small = run(ExploreDesigns.spec(Sampling.GRID, List.of(), 7, Optional.empty()), 2);
        ExplorationResult whole = run(ExploreDesigns.spec(Sampling.GRID, List.of(), 1000, Optional.empty()), 2);
        for (int i = 0; i < small.designs().size(); i++) {
            assertEquals(whole.designs().get(i).accuracy(), small.designs().get(i).accuracy(), "design " + i);
        }
    }

    /**
     * Designs that differ only in the tile's size share a simulation: simulated apart, they predict alike, and the
     * exploration runs one simulation per regime and cell (6), not per design (12).
     */
    @Test
    void designsThatBehaveAlikeShareASimulationAndTheyDoBehaveAlike() {
        ExploreSpec spec = ExploreDesigns.spec();
        List<DesignPoint> designs = spec.designs();
        ExperimentSpec small = designs.get(4).experiment().orElseThrow(); // very-low, 8 x 8, 2T2R
        ExperimentSpec large = designs.get(6).experiment().orElseThrow(); // very-low, 16 x 72, 2T2R
        assertEquals(8, small.mapping().chip().tile().rows());
        assertEquals(16, large.mapping().chip().tile().rows());
        assertEquals(ExplorationJob.key(small), ExplorationJob.key(large));
        ExplorationJob apart = ExplorationJob.load(spec, List.of(small, large), HERE);
        for (int chip = 0; chip < spec.trials(); chip++) {
            for (int shard = 0; shard < apart.shards(); shard++) {
                assertEquals(
                        apart.run(new SimulationTask(0, chip, shard)).correct() + apart.run(new SimulationTask(0, chip, shard)).agreeing(),
                        apart.run(new SimulationTask(1, chip, shard)).correct() + apart.run(new SimulationTask(1, chip, shard)).agreeing());
                assertEquals(apart.run(new SimulationTask(0, chip, shard)).agreeing(),
                        apart.run(new SimulationTask(1, chip, shard)).agreeing());
            }
        }
        ExplorationResult result = run(spec, 2);
        assertEquals(6, result.simulations());
        assertEquals(result.designs().get(4).accuracy(), result.designs().get(6).accuracy());
    }

    /** The weaker the regime, the more weights err: accuracy follows, so the front trades it for programming energy. */
    @Test
    void weakerRegimesCostLessToProgramAndAgreeLess() {
        ExplorationResult result = run(ExploreDesigns.spec(), 2);
        DesignResult strong = result.designs().get(0);
        DesignResult ultraLow = result.designs().get(8);
        assertTrue(strong.value(Objective.ACCURACY).getAsDouble() > ultraLow.value(Objective.ACCURACY).getAsDouble(),
                strong + " vs " + ultraLow);
        assertTrue(strong.value(Objective.PROGRAMMING).getAsDouble() > ultraLow.value(Objective.PROGRAMMING).getAsDouble());
        assertFalse(result.labelled(), "random inputs: agreement with the error-free chip");
    }

    /** The plan tells designs and simulations before anything runs: no data is read (this dataset does not exist). */
    @Test
    void thePlanCountsDesignsAndSimulationsWithoutRunning() {
        ExploreSpec grid = ExploreDesigns.spec();
        ExploreSpec elsewhere = new ExploreSpec(grid.name(), grid.mapping(),
                new InputSource.Dataset("mnist", "no/such/folder", Split.TEST, 0), grid.errors(), grid.axes(), grid.sampling(),
                grid.objectives(), List.of(new Constraint(Objective.TILES, false, OptionalDouble.of(8))), grid.trials(), grid.seed(),
                grid.shardInputs(), grid.weights(), grid.report());
        Exploration.Plan plan = Exploration.plan(elsewhere);
        assertEquals(12, plan.designs().size());
        assertEquals(0, plan.infeasible());
        long simulated = plan.simulation().stream().filter(index -> index >= 0).count();
        assertEquals(plan.unmetCosts().stream().filter(List::isEmpty).count(), simulated, "the designs within 8 tiles");
        assertEquals(plan.simulation().stream().filter(index -> index >= 0).distinct().count(), plan.simulations().size());
        assertEquals(6, simulated, "3 regimes x 2 cells on 16 x 72 tiles (3 tiles); 8 x 8 tiles need 32: " + plan.unmetCosts());
    }

    /** Without accuracy among objectives and constraints, nothing is simulated: the estimates are free. */
    @Test
    void costOnlyExplorationsSimulateNothing() {
        ExploreSpec base = ExploreDesigns.spec();
        ExploreSpec costs = new ExploreSpec(base.name(), base.mapping(), base.inputs(), base.errors(), base.axes(), base.sampling(),
                List.of(Objective.ENERGY, Objective.TILES, Objective.LIFETIME), List.of(), base.trials(), base.seed(), base.shardInputs(),
                base.weights(), base.report());
        ExplorationResult result = run(costs, 2);
        assertEquals(0, result.simulations());
        assertTrue(result.designs().stream().allMatch(d -> d.accuracy().isEmpty() && d.costs().isPresent()));
        assertFalse(result.front().isEmpty());
    }

    /** A design that fails a cost constraint is not simulated, and one below the accuracy bound is off the front. */
    @Test
    void constraintsLeaveDesignsOffTheFront() {
        Constraint fewTiles = new Constraint(Objective.TILES, false, OptionalDouble.of(8));
        Constraint accurate = new Constraint(Objective.ACCURACY, true, OptionalDouble.of(0.9));
        ExplorationResult result = run(ExploreDesigns.spec(Sampling.GRID, List.of(fewTiles, accurate), 128, Optional.empty()), 2);
        for (DesignResult design : result.designs()) {
            long tiles = design.costs().orElseThrow().tiles();
            assertEquals(tiles <= 8, design.accuracy().isPresent(), design.toString());
            if (tiles > 8) {
                assertTrue(design.unmet().contains("tiles <= 8.0"), design.unmet().toString());
            }
            if (design.front()) {
                assertTrue(design.accuracy().orElseThrow().mean() >= 0.9);
            }
        }
        assertTrue(result.designs().stream().anyMatch(d -> d.unmet().contains("accuracy >= 0.9")));
    }
}
