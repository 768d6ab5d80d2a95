package org.bnn.runtime.tests.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.explore.Exploration;
import org.bnn.runtime.explore.ExplorationJob;
import org.bnn.runtime.explore.ExploreAxis;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.Objective;
import org.bnn.runtime.explore.Sampling;
import org.bnn.runtime.explore.ShardResult;
import org.bnn.runtime.explore.SimulationTask;
import org.bnn.runtime.testing.ExploreDesigns;
import org.junit.jupiter.api.Test;

/**
 * A job sent to another machine (Java serialization, as Spark sends it) gives there the results it gives here, task
 * for task: the descriptions, weights and inputs arrive whole.
 */
class ExplorationJobSerializationTest {
    private static final Path HERE = Path.of(".");

    private static ExplorationJob load(ExploreSpec spec) {
        return ExplorationJob.load(spec, Exploration.plan(spec).simulations(), HERE);
    }

    private static Object sentAndReceived(Object job) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(job);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static void assertSameResults(ExplorationJob here, ExplorationJob there) {
        assertNotSame(here, there);
        assertEquals(here.simulations(), there.simulations());
        assertEquals(here.spec(), there.spec());
        assertEquals(here.tasks(), there.tasks());
        for (SimulationTask task : here.tasks()) {
            ShardResult expected = here.run(task);
            assertEquals(expected, there.run(task), task.toString());
        }
    }

    /** Weight-level errors, chips resampled per chip, over regimes, tile sizes and cells. */
    @Test
    void aWeightLevelJobGivesTheSameResultsAfterTheTrip() throws Exception {
        ExplorationJob here = load(ExploreDesigns.spec());
        assertSameResults(here, (ExplorationJob) sentAndReceived(here));
    }

    /**
     * An input-bits axis gives each design its own network and encoded inputs: all of them travel, each to its simulations;
     * errors drawn per inference are keyed by the task's shard.
     */
    @Test
    void everyNetworkOfAnInputBitsAxisTravelsWithItsOwnInputs() throws Exception {
        ExploreSpec base = ExploreDesigns.spec();
        ExploreSpec spec = new ExploreSpec(base.name(), base.mapping(), base.inputs(), ErrorSpec.weightLevel(Resampling.PER_INFERENCE),
                List.of(new ExploreAxis.InputBits(List.of(1, 2, 4))), Sampling.GRID, List.of(Objective.ACCURACY, Objective.ENERGY),
                List.of(),
                2, 11, 128, Optional.empty(), Optional.empty());
        ExplorationJob here = load(spec);
        assertEquals(3, here.simulations().stream().map(s -> s.mapping().network()).distinct().count());
        assertSameResults(here, (ExplorationJob) sentAndReceived(here));
    }

    /** Device-level errors: each chip's resistances and amplifiers, keyed by where they sit, are the same after the trip. */
    @Test
    void aDeviceLevelJobGivesTheSameResultsAfterTheTrip() throws Exception {
        ExploreSpec base = ExploreDesigns.spec();
        ExploreSpec spec = new ExploreSpec(base.name(), base.mapping(), base.inputs(),
                new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_CHIP, List.of()),
                List.of(base.axes().get(0)), Sampling.GRID, List.of(Objective.ACCURACY, Objective.ENERGY), List.of(), 2, 7, 100,
                Optional.empty(), Optional.empty());
        ExplorationJob here = load(spec);
        assertTrue(here.tasks().size() >= 6, "several simulations, chips and shards");
        assertSameResults(here, (ExplorationJob) sentAndReceived(here));
    }
}
