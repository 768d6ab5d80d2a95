package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.errors.RegimeSweep;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

/**
 * A regime sweep programs the same chips at every point. Without stuck-at faults the presets'
 * misreads are nested, strong ⊂ nominal ⊂ low ⊂ very-low ⊂ ultra-low, cell for cell, per chip and
 * per read; stuck pairs are not nested, so with faults only most misreads are.
 */
class RegimeSweepTest {
    private static final NetworkSpec SPEC = NetworkSpec.builder("Sweep", "in", 784).dense("fc1", 512).dense("fc2", 512)
            .output("out", 10).build();
    private static final BinaryNetwork NETWORK = RandomNetworks.create(SPEC, 12);

    private static List<DeviceErrors> sweep(StuckAt stuckAt, Resampling resampling) {
        DeviceErrors base = new DeviceErrors(Presets.NOMINAL, Presets.SENSE_AMP, stuckAt, new TileFolding(32, 32), resampling,
                NETWORK.weightLayerCount());
        return RegimeSweep.devicePoints(base, Presets.REGIMES);
    }

    @Test
    void intactCellsAreNestedAcrossThePresetsPerChip() {
        List<DeviceErrors> points = sweep(StuckAt.NONE, Resampling.PER_CHIP);
        for (int trial = 0; trial < 2; trial++) {
            long[][] previous = null;
            for (DeviceErrors point : points) {
                long[][] flips = ErrorPatterns.of(point).chip(NETWORK, 3, trial);
                if (previous != null) {
                    for (int layer = 0; layer < flips.length; layer++) {
                        assertEquals(previous[layer].length, overlap(previous[layer], flips[layer]),
                                point.regime().name() + " must misread all its predecessor misreads, layer " + layer);
                    }
                }
                System.out.printf("trial %d %s: %d misreads%n", trial, point.regime().name(), total(flips));
                previous = flips;
            }
        }
    }

    @Test
    void intactCellsAreNestedAcrossThePresetsPerRead() {
        List<DeviceErrors> points = sweep(StuckAt.NONE, Resampling.PER_READ);
        for (int input = 0; input < 3; input++) {
            long[] previous = null;
            for (DeviceErrors point : points) {
                ReadFlips reads = ErrorPatterns.of(point).reads(NETWORK, 3, 0, input);
                long[] flips = reads.positions(1, 0);
                if (previous != null) {
                    assertEquals(previous.length, overlap(previous, flips), point.regime().name() + ", input " + input);
                }
                previous = flips;
            }
        }
    }

    @Test
    void withStuckAtFaultsMostButNotAllMisreadsAreNested() {
        List<DeviceErrors> points = sweep(new StuckAt(1e-3, 1e-3), Resampling.PER_CHIP);
        long[][] nominal = ErrorPatterns.of(points.get(1)).chip(NETWORK, 3, 0);
        long[][] veryLow = ErrorPatterns.of(points.get(3)).chip(NETWORK, 3, 0);
        long shared = 0;
        for (int layer = 0; layer < nominal.length; layer++) {
            shared += overlap(nominal[layer], veryLow[layer]);
        }
        double nested = (double) shared / total(nominal);
        System.out.printf("stuck-at 1e-3/1e-3: %d of %d nominal misreads (%.1f %%) are very-low misreads too%n", shared,
                total(nominal), 100 * nested);
        assertTrue(nested > 0.6 && nested < 1, "stuck pairs make the sets partly, not fully, nested: " + nested);
    }

    @Test
    void weightLevelPointsCarryTheAverageBerAndNestedFlips() {
        DeviceErrors base = new DeviceErrors(Presets.NOMINAL, Presets.SENSE_AMP, StuckAt.NONE, new TileFolding(32, 32),
                Resampling.PER_CHIP, 3);
        List<WeightErrors> points = RegimeSweep.weightPoints(base, Presets.REGIMES, Resampling.PER_INFERENCE);
        long[] previous = new long[0];
        for (int i = 0; i < points.size(); i++) {
            WeightErrors point = points.get(i);
            assertEquals(Resampling.PER_INFERENCE, point.resampling());
            assertEquals(base.withRegime(Presets.REGIMES.get(i)).averageBitErrorRate(), point.berPerLayer()[2]);
            long[] flips = NestedFlips.sortedPositions(ErrorKeys.layer(ErrorKeys.inference(1, 0, 0), 0), 1_000_000,
                    point.berPerLayer()[0]);
            assertEquals(previous.length, overlap(previous, flips), Presets.REGIMES.get(i).name());
            previous = flips;
        }
    }

    @Test
    void regimesMustBeNamedOnce() {
        DeviceErrors base = new DeviceErrors(Presets.NOMINAL, Presets.SENSE_AMP, StuckAt.NONE, new TileFolding(32, 32),
                Resampling.PER_CHIP, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegimeSweep.devicePoints(base, List.of(Presets.LOW, Presets.NOMINAL, Presets.LOW)));
        assertEquals("RegimeSweep.regimes must have distinct names, got \"low\" twice", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegimeSweep.devicePoints(base, List.of()));
    }

    /** Number of elements of sorted {@code a} also in sorted {@code b}. */
    private static long overlap(long[] a, long[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).count();
    }

    private static long total(long[][] flips) {
        return Arrays.stream(flips).mapToLong(f -> f.length).sum();
    }
}
