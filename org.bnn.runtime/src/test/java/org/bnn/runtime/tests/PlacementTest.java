package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.estimate.EstimateText;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.Placement;
import org.bnn.runtime.spec.PlacementProblem;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.TileRange;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/**
 * Placement of layers on physical tiles: the automatic rule, the checks of an explicit placement
 * (bad values rejected naming the mapping, the layer and the numbers), what the Estimator makes of
 * ranges, and the JSON of the resolved placement.
 */
class PlacementTest {
    private static final TileSpec T32 = new TileSpec("T32", 32, 32, new CellTechnology.TwoTransistorTwoResistor());
    /** 784-1024-1024-1024-10 on 32 x 32 tiles: 800, 1024, 1024 and 32 tiles. */
    private static final NetworkSpec MLP = NetworkSpec.builder("Mlp", "pixels", 28, 28)
            .dense("fc1", 1024).dense("fc2", 1024).dense("fc3", 1024).output("out", 10).build();
    private static final ChipSpec DEMO = new ChipSpec("Demo", 4096, T32);

    private static MappingSpec placed(ChipSpec chip, boolean reprogramming, Map<String, Integer> replication, Object... layerFirstLast) {
        Map<String, TileRange> ranges = new LinkedHashMap<>();
        for (int i = 0; i < layerFirstLast.length; i += 3) {
            ranges.put((String) layerFirstLast[i], new TileRange((Integer) layerFirstLast[i + 1], (Integer) layerFirstLast[i + 2]));
        }
        return new MappingSpec("M", MLP, chip, Optional.empty(), replication, reprogramming, Placement.explicit(ranges));
    }

    private static String rejection(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void autoPutsTheLayersInOrderOnConsecutiveTiles() {
        MappingSpec auto = new MappingSpec("M", MLP, DEMO);
        assertTrue(auto.placement().auto());
        assertEquals(List.of(new TileRange(0, 799), new TileRange(800, 1823), new TileRange(1824, 2847), new TileRange(2848, 2879)),
                List.copyOf(auto.placement().ranges().values()));
        assertEquals(List.of("fc1", "fc2", "fc3", "out"), List.copyOf(auto.placement().ranges().keySet()));
    }

    @Test
    void autoMakesRoomForCopiesAndSkipsPooling() {
        NetworkSpec cnn = NetworkSpec.builder("Cnn", "img", 8, 8).conv("c", 4, 2, 1, Padding.VALID).pool("p", PoolKind.MAX, 2, 2)
                .output("o", 3).build();
        MappingSpec spec = new MappingSpec("M", cnn,
                new ChipSpec("C", 20, new TileSpec("T", 8, 8, new CellTechnology.TwoTransistorTwoResistor())),
                Optional.empty(), Map.of("c", 3), false);
        assertEquals(Map.of("c", new TileRange(0, 2), "o", new TileRange(3, 7)), spec.placement().ranges());
    }

    @Test
    void autoOnATooSmallChipWrapsAroundSoTheRangesStayOnTheChip() {
        MappingSpec onTwoThousand = new MappingSpec("M", MLP, new ChipSpec("C", 2000, T32), Optional.empty(), Map.of(), true);
        assertEquals(List.of(new TileRange(0, 799), new TileRange(800, 1823), new TileRange(0, 1023), new TileRange(1024, 1055)),
                List.copyOf(onTwoThousand.placement().ranges().values()));
        MappingSpec onThousand = new MappingSpec("M", MLP, new ChipSpec("C", 1000, T32), Optional.empty(), Map.of(), true);
        assertEquals(new TileRange(0, 999), onThousand.rangeOf("fc2"), "a layer larger than the chip gets the whole chip");
    }

    @Test
    void anExplicitPlacementIsKeptAsWritten() {
        MappingSpec spec = placed(DEMO, false, Map.of(), "fc1", 0, 1023, "fc2", 1024, 2047, "fc3", 2048, 3071, "out", 4095 - 31, 4095);
        assertFalse(spec.placement().auto());
        assertEquals(new TileRange(1024, 2047), spec.rangeOf("fc2"));
    }

    @Test
    void badPlacementsAreRejectedNamingTheMappingLayerAndNumbers() {
        assertEquals("MappingSpec(M).placement places out on tiles 4090..4121 but chip Demo has tiles 0..4095",
                rejection(() -> placed(DEMO, false, Map.of(), "fc1", 0, 799, "fc2", 800, 1823, "fc3", 1824, 2847, "out", 4090, 4121)));
        assertEquals("MappingSpec(M).placement places fc1 on 799 tiles but it needs 800 of T32",
                rejection(() -> placed(DEMO, false, Map.of(), "fc1", 0, 798, "fc2", 800, 1823, "fc3", 1824, 2847, "out", 2848, 2879)));
        assertEquals("MappingSpec(M).placement places fc2 on tiles 799..1822, which overlaps fc1 on tiles 0..799 "
                + "(only a mapping that allows reprogramming may share tiles)",
                rejection(() -> placed(DEMO, false, Map.of(), "fc1", 0, 799, "fc2", 799, 1822, "fc3", 1824, 2847, "out", 2848, 2879)));
        assertEquals("MappingSpec(M).placement places some layers but not out, which needs 32 tiles (free: tiles 2848..2879)",
                rejection(() -> placed(DEMO, false, Map.of(), "fc1", 0, 799, "fc2", 800, 1823, "fc3", 1824, 2847)));
        assertEquals("MappingSpec(M).placement places nope, which is not a layer of network Mlp",
                rejection(() -> placed(DEMO, false, Map.of(), "nope", 0, 0, "fc1", 1, 800, "fc2", 801, 1824, "fc3", 1825, 2848,
                        "out", 2849, 2880)));
        assertEquals("TileRange.last must not be below first (9), got 3", rejection(() -> new TileRange(9, 3)));
        assertEquals("TileRange.first must be a tile index (0 or more), got -1", rejection(() -> new TileRange(-1, 3)));
        assertTrue(rejection(() -> new MappingSpec("M", MLP, DEMO, Optional.empty(), Map.of(), false,
                new Placement(true, Map.of("fc1", new TileRange(5, 804))))).startsWith("MappingSpec(M).placement is auto but its ranges"));
    }

    @Test
    void everyProblemIsListedWithItsKindForTheValidator() {
        Map<String, TileRange> ranges = new LinkedHashMap<>();
        ranges.put("fc1", new TileRange(0, 10));
        ranges.put("fc2", new TileRange(5, 5000));
        List<PlacementProblem> problems = Placement.problems(Placement.explicit(ranges), MLP, DEMO, Map.of("fc1", 2), false);
        assertEquals(List.of(PlacementProblem.Kind.TOO_FEW_TILES, PlacementProblem.Kind.OUTSIDE_CHIP, PlacementProblem.Kind.UNPLACED,
                PlacementProblem.Kind.UNPLACED), problems.stream().map(PlacementProblem::kind).toList());
        assertEquals("places fc1 on 11 tiles but it needs 1600 (2 copies of 800) of T32", problems.get(0).message());
        assertEquals(1600, problems.get(0).needed());
    }

    @Test
    void reprogrammingAllowsShortAndSharedRanges() {
        MappingSpec spec = placed(DEMO, true, Map.of(), "fc1", 0, 99, "fc2", 0, 1023, "fc3", 1024, 2047, "out", 2048, 2079);
        MappingEstimate estimate = Estimator.estimate(spec);
        assertFalse(estimate.fits());
        // held at once: min(100, 800) + 1024 + 1024 + 32 = 2180 blocks on 2180 placed tiles, less the 100 tiles fc1 and fc2 share
        long held = 2180 - 100;
        assertEquals(2 * (2880 - held), estimate.reprogramming().orElseThrow().tileWritesPerInference());
        assertEquals("tiles 0..99 (streamed)", EstimateText.placedOn(estimate.layers().get(0)));
    }

    @Test
    void theEstimateShowsRangesAndCountsSpareTilesInUtilization() {
        MappingEstimate auto = Estimator.estimate(new MappingSpec("M", MLP, DEMO));
        MappingEstimate banked = Estimator.estimate(placed(DEMO, false, Map.of(), "fc1", 0, 1023, "fc2", 1024, 2047, "fc3", 2048, 3071,
                "out", 3072, 3103));
        LayerEstimate fc1 = banked.layers().get(0);
        assertEquals(Optional.of(new TileRange(0, 1023)), fc1.range());
        assertEquals(800, fc1.tiles());
        assertEquals(1024, fc1.tilesOccupied());
        assertEquals(784.0 * 1024 / (1024 * 1024), fc1.utilization(T32.cells()), 1e-12);
        assertEquals(784.0 * 1024 / (800 * 1024), auto.layers().get(0).utilization(T32.cells()), 1e-12);
        assertEquals("tiles 0..1023 (+224 spare)", EstimateText.placedOn(fc1));
        assertTrue(banked.fits());
        assertEquals(2880, banked.tilesNeeded());
        assertEquals(3104, banked.tilesPlaced());
        assertEquals(2880, auto.tilesPlaced());
        assertEquals(auto.chipUtilization(), banked.chipUtilization(), "the share of the chip's cells holding weights is the same");
        assertTrue(banked.placedUtilization() < auto.placedUtilization());
        assertEquals(auto.energy(), banked.energy(), "where a layer sits changes no event count");
        assertEquals(auto.cycles(), banked.cycles());
        String table = EstimateText.tileTable(banked);
        assertTrue(table.contains("tiles 1024..2047"), table);
        assertTrue(table.contains("tiles: 2880 of 4096 (70.3 %), 3104 placed (91.6 % of their cells hold weights)"), table);
        assertTrue(EstimateText.tileTable(auto).contains("tiles 2848..2879\n") && EstimateText.tileTable(auto).contains("placement: auto"));
    }

    @Test
    void theResolvedPlacementRoundTripsThroughJson() {
        MappingSpec auto = new MappingSpec("M", MLP, DEMO);
        String json = SpecJson.write(auto);
        assertTrue(json.contains("\"auto\" : true"), json);
        assertTrue(json.contains("\"fc2\" : {\n        \"first\" : 800,\n        \"last\" : 1823"), json);
        assertEquals(auto, SpecJson.read(json, MappingSpec.class));
        MappingSpec banked = placed(DEMO, false, Map.of(), "fc1", 0, 1023, "fc2", 1024, 2047, "fc3", 2048, 3071, "out", 3072, 3103);
        assertEquals(banked, SpecJson.read(SpecJson.write(banked), MappingSpec.class));
        String overlapping = SpecJson.write(banked).replace("\"first\" : 1024", "\"first\" : 1000");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpecJson.read(overlapping, MappingSpec.class)).getMessage()
                .contains("places fc2 on tiles 1000..2047, which overlaps fc1 on tiles 0..1023"));
    }
}
