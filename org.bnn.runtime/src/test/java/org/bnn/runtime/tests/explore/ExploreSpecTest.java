package org.bnn.runtime.tests.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.explore.Constraint;
import org.bnn.runtime.explore.DesignPoint;
import org.bnn.runtime.explore.ExploreAxis;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.Objective;
import org.bnn.runtime.explore.ParetoFront;
import org.bnn.runtime.explore.Sampling;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.testing.ExploreDesigns;
import org.junit.jupiter.api.Test;

/** What an exploration describes: its designs, how they are sampled, and what it rejects. */
class ExploreSpecTest {

    private static ExploreSpec withAxes(MappingSpec mapping, ErrorSpec errors, List<ExploreAxis> axes, List<Constraint> constraints) {
        return new ExploreSpec("Bad", mapping, new InputSource.Random(10), errors, axes, Sampling.GRID, List.of(Objective.ACCURACY),
                constraints, 1, 1, 100, Optional.empty(), Optional.empty());
    }

    @Test
    void theGridVisitsEveryDesignInOrderTheLastAxisFastest() {
        List<DesignPoint> designs = ExploreDesigns.spec().designs();
        assertEquals(12, designs.size());
        assertEquals(List.of(0, 0, 0), designs.get(0).levels());
        assertEquals(List.of(0, 0, 1), designs.get(1).levels());
        assertEquals(List.of(2, 1, 1), designs.get(11).levels());
        assertEquals("regime=very-low, tile=16 x 72, cells=1T1R", designs.get(7).describe(ExploreDesigns.spec()));
        MappingSpec seventh = designs.get(7).mapping().orElseThrow();
        assertEquals(16, seventh.chip().tile().rows());
        assertEquals(72, seventh.chip().tile().columns());
        assertEquals(Optional.of("very-low"), seventh.regime());
        assertEquals("1T1R", seventh.chip().tile().cell().label());
    }

    @Test
    void aDesignTheRecordsRejectIsInfeasibleWithTheirReason() {
        // On 1 x 1 tiles the 64-input layers need 24·64 + 4·64 tiles, on a chip of 64 that may not reprogram.
        ExploreSpec spec = new ExploreSpec("Tiny", ExploreDesigns.mapping(), new InputSource.Random(10),
                ErrorSpec.weightLevel(Resampling.PER_CHIP),
                List.of(new ExploreAxis.TileSizes(List.of(new ExploreAxis.TileSize(1, 1), new ExploreAxis.TileSize(8, 8)))), Sampling.GRID,
                List.of(Objective.TILES), List.of(), 1, 1, 100, Optional.empty(), Optional.empty());
        List<DesignPoint> designs = spec.designs();
        assertTrue(designs.get(0).infeasible().orElseThrow().contains("tiles, the chip has 64"), designs.get(0).toString());
        assertTrue(designs.get(1).infeasible().isEmpty());
    }

    @Test
    void randomSamplingDrawsDistinctDesignsTheSameForTheSameSeed() {
        Sampling random = new Sampling(Sampling.Kind.RANDOM, 5);
        List<int[]> first = random.designs(List.of(4, 5, 6), 7);
        List<int[]> again = random.designs(List.of(4, 5, 6), 7);
        List<int[]> other = random.designs(List.of(4, 5, 6), 8);
        assertEquals(5, first.size());
        assertTrue(Arrays.deepEquals(first.toArray(), again.toArray()));
        assertFalse(Arrays.deepEquals(first.toArray(), other.toArray()));
        Set<List<Integer>> distinct = new HashSet<>();
        first.forEach(levels -> distinct.add(Arrays.stream(levels).boxed().toList()));
        assertEquals(5, distinct.size());
        assertEquals(6, new Sampling(Sampling.Kind.RANDOM, 50).designs(List.of(2, 3), 7).size(), "more than the grid: the grid");
    }

    @Test
    void latinHypercubeSamplingCoversEveryStratumOfEveryAxis() {
        List<int[]> designs = new Sampling(Sampling.Kind.LATIN_HYPERCUBE, 10).designs(List.of(10, 10, 10), 3);
        assertEquals(10, designs.size(), "10 strata of 10 values: no two designs coincide");
        for (int axis = 0; axis < 3; axis++) {
            Set<Integer> values = new HashSet<>();
            for (int[] levels : designs) {
                values.add(levels[axis]);
            }
            assertEquals(10, values.size(), "each value of axis " + axis + " once");
        }
    }

    @Test
    void anEmptyAxisIsRejected() {
        SpecViolation e = assertThrows(SpecViolation.class, () -> new ExploreAxis.Regimes(List.of()));
        assertEquals(SpecViolation.Problem.MISSING, e.problem());
        assertThrows(SpecViolation.class, () -> new ExploreAxis.Ber(List.of(1e-3, 1e-3)));
    }

    @Test
    void anAxisNamingWhatTheMappingDoesNotHaveIsRejected() {
        MappingSpec base = ExploreDesigns.mapping();
        ErrorSpec weight = ErrorSpec.weightLevel(Resampling.PER_CHIP);
        assertTrue(assertThrows(SpecViolation.class, () -> withAxes(base, weight, List.of(new ExploreAxis.Regimes(List.of("hot"))),
                List.of())).getMessage().contains("has no regime hot"));
        NetworkSpec binarizedNetwork = NetworkSpec
                .builder("Binarized", new InputSpec("pixels", new Shape(8, 8, 1), new InputEncoding.Binarize(0.5)))
                .dense("fc", 24).output("out", 4).build();
        MappingSpec binarized = new MappingSpec("Bin", binarizedNetwork, base.chip(), base.regime(), java.util.Map.of(), false);
        assertTrue(assertThrows(SpecViolation.class, () -> withAxes(binarized, weight, List.of(new ExploreAxis.InputBits(List.of(2, 4))),
                List.of())).getMessage().contains("binarized, not bit-serial"));
        assertTrue(assertThrows(SpecViolation.class, () -> withAxes(base, weight,
                List.of(new ExploreAxis.Replication("pool", List.of(1, 2))), List.of())).getMessage()
                .contains("no layer with weights named pool"));
        ErrorSpec device = new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_CHIP, List.of());
        assertTrue(assertThrows(SpecViolation.class, () -> withAxes(base, device, List.of(new ExploreAxis.Ber(List.of(0.0, 0.01))),
                List.of())).getMessage().contains("weight-level"));
    }

    @Test
    void contradictoryConstraintsAreRejected() {
        MappingSpec base = ExploreDesigns.mapping();
        ErrorSpec weight = ErrorSpec.weightLevel(Resampling.PER_CHIP);
        Constraint atLeast98 = new Constraint(Objective.ACCURACY, true, OptionalDouble.of(0.98));
        Constraint atMost97 = new Constraint(Objective.ACCURACY, false, OptionalDouble.of(0.97));
        assertTrue(assertThrows(SpecViolation.class, () -> withAxes(base, weight, List.of(), List.of(atLeast98, atMost97))).getMessage()
                .contains("contradicts"));
        Constraint fitsChip = new Constraint(Objective.TILES, false, OptionalDouble.empty());
        Constraint manyTiles = new Constraint(Objective.TILES, true, OptionalDouble.of(100));
        assertTrue(assertThrows(SpecViolation.class, () -> withAxes(base, weight, List.of(), List.of(fitsChip, manyTiles))).getMessage()
                .contains("the chip has 64 tiles"));
        assertTrue(Constraint.contradiction(List.of(new Constraint(Objective.ACCURACY, true, OptionalDouble.of(1.2))), 64).isPresent());
        assertTrue(Constraint.contradiction(List.of(atLeast98, new Constraint(Objective.ACCURACY, false, OptionalDouble.of(0.99))), 64)
                .isEmpty());
    }

    @Test
    void theFrontKeepsWhatNoOtherDesignDominates() {
        List<Objective> objectives = List.of(Objective.ACCURACY, Objective.ENERGY);
        boolean[] front = ParetoFront.of(List.of(new double[] {0.9, 5}, new double[] {0.95, 6}, new double[] {0.9, 6},
                new double[] {0.95, 6}, new double[] {0.8, 4}), objectives);
        assertEquals("[true, true, false, true, true]", Arrays.toString(front));
        assertTrue(ParetoFront.dominates(new double[] {0.9, 5}, new double[] {0.9, 6}, objectives));
        assertFalse(ParetoFront.dominates(new double[] {0.9, 5}, new double[] {0.9, 5}, objectives));
    }

    @Test
    void anExplorationRoundTripsAsJson() {
        ExploreSpec spec = ExploreDesigns.spec(new Sampling(Sampling.Kind.LATIN_HYPERCUBE, 4),
                List.of(new Constraint(Objective.TILES, false, OptionalDouble.empty())), 64, Optional.empty());
        String json = SpecJson.write(spec);
        assertEquals(spec, SpecJson.read(json, ExploreSpec.class));
        assertTrue(json.contains("\"axis\" : \"regime\""), json);
        assertNotEquals(-1, json.indexOf("\"shardInputs\" : 64"), json);
    }
}
