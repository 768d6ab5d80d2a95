package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pcsa;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.LayerMargins;
import org.bnn.runtime.errors.MarginSampler;
import org.bnn.runtime.errors.NoiseReach;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.TileRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MarginSampler} files exactly the cells that a naive pass finds: one that draws the normal
 * of every cell (no screen), keys every cell as its documentation says, and classifies it by
 * |Δ + m| against the noise reach. The screen may only skip cells that read right at any noise, so
 * the two must agree cell for cell, under both placements.
 * <p>
 * The regime is made weak on purpose (median ratio 2, σ 0.8 on each device) and the amplifier
 * mismatch large (σ 0.5), so that the screen's ρ = (g − reach)/σ_Δ lies between −1 and 1 for most
 * amplifiers, on both sides of zero: there a screen that skips too much skips fragile cells.
 */
class MarginSamplerTest {
    private static final RegimeSpec WEAK = new RegimeSpec("weak", new LogNormal(10e3, 0.8), new LogNormal(20e3, 0.8),
            Pulse.of(1.5, 30e-6, 400e-9), Pulse.of(1.5, 30e-6, 400e-9), 1e9);
    private static final SenseAmpSpec WIDE_MISMATCH = new SenseAmpSpec(0.5, 0.05, 25e-15, 2e-9);
    private static final TileFolding FOLDING = new TileFolding(16, 32);
    /** 150 inputs: three words per packed row, five column chunks of 32 (the last one partial). */
    private static final int FAN_IN = 150;
    /** 40 neurons: three row chunks of 16 (the last one partial). */
    private static final int NEURONS = 40;

    /** The cells of one layer as filed: misread at any noise, and the fragile ones with Δ, m and weight. */
    private record Filed(List<Long> misread, List<Long> fragile, List<Double> differences, List<Double> mismatches,
            List<Boolean> weights) {
        Filed() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        static Filed of(LayerMargins margins) {
            Filed filed = new Filed();
            for (long position : margins.misreadAtAnyNoise()) {
                filed.misread.add(position);
            }
            for (int i = 0; i < margins.fragileCells(); i++) {
                filed.fragile.add(margins.fragilePosition(i));
                filed.differences.add(margins.fragileBitLineDifference(i));
                filed.mismatches.add(margins.fragileMismatch(i));
                filed.weights.add(margins.fragileWeight(i));
            }
            return filed;
        }
    }

    @ParameterizedTest(name = "stuck-at probability {0}")
    @ValueSource(doubles = {0.0, 0.04})
    void automaticPlacementFilesWhatANaivePassFinds(double stuck) {
        StuckAt stuckAt = new StuckAt(stuck, stuck);
        WeightMatrix weights = randomWeights(11);
        long chipLayerKey = DeviceKeys.chipLayer(5, 2, 1);
        LayerMargins sampled = new MarginSampler(WEAK, WIDE_MISMATCH, stuckAt, FOLDING).sample(weights, chipLayerKey);

        SenseAmpOffsets offsets = new SenseAmpOffsets(WIDE_MISMATCH);
        Filed naive = new Filed();
        for (int k = 0; k < NEURONS; k++) {
            for (int j = 0; j < FAN_IN; j++) {
                long position = (long) k * FAN_IN + j;
                double mismatch = offsets.mismatch(chipLayerKey, FOLDING.amplifier(FAN_IN, k, j));
                file(naive, stuckAt, weights.bit(k, j), position, chipLayerKey, position, DeviceKeys.margins(chipLayerKey),
                        mismatch);
            }
        }
        assertSameCells(naive, Filed.of(sampled));
    }

    @ParameterizedTest(name = "stuck-at probability {0}")
    @ValueSource(doubles = {0.0, 0.04})
    void explicitPlacementFilesWhatANaivePassFinds(double stuck) {
        StuckAt stuckAt = new StuckAt(stuck, stuck);
        WeightMatrix weights = randomWeights(12);
        long chipTilesKey = DeviceKeys.chipTiles(5, 2);
        int layer = 3;
        // 15 local tiles (3 row chunks × 5 column chunks) streamed through the 7 tiles 3..9.
        TileRange tiles = new TileRange(3, 9);
        LayerMargins sampled = new MarginSampler(WEAK, WIDE_MISMATCH, stuckAt, FOLDING).sample(weights, chipTilesKey, layer,
                tiles);

        SenseAmpOffsets offsets = new SenseAmpOffsets(WIDE_MISMATCH);
        int columnChunks = (FAN_IN + FOLDING.columns() - 1) / FOLDING.columns();
        Filed naive = new Filed();
        for (int k = 0; k < NEURONS; k++) {
            for (int j = 0; j < FAN_IN; j++) {
                int local = k / FOLDING.rows() * columnChunks + j / FOLDING.columns();
                long tileKey = DeviceKeys.tile(chipTilesKey, 3 + local % 7);
                int column = j % FOLDING.columns();
                long cell = (long) (k % FOLDING.rows()) * FOLDING.columns() + column;
                file(naive, stuckAt, weights.bit(k, j), (long) k * FAN_IN + j, tileKey, cell,
                        DeviceKeys.programming(tileKey, layer), offsets.mismatch(tileKey, column));
            }
        }
        assertSameCells(naive, Filed.of(sampled));
    }

    /** Files one cell without any screen: its end states, its normal, and the classification by |Δ + m|. */
    private static void file(Filed filed, StuckAt stuckAt, boolean weight, long position, long deviceKey, long cell,
            long marginKey, double mismatch) {
        CellSampler cells = new CellSampler(WEAK, stuckAt);
        boolean blLow = cells.endsLow(deviceKey, CellSampler.twoTwoRDevice(cell, false), weight);
        boolean blbLow = cells.endsLow(deviceKey, CellSampler.twoTwoRDevice(cell, true), !weight);
        LogNormal bl = blLow ? WEAK.lrs() : WEAK.hrs();
        LogNormal blb = blbLow ? WEAK.lrs() : WEAK.hrs();
        double z = KeyedRandom.gaussian(marginKey, cell);
        double difference = blb.lnMedian() - bl.lnMedian() + Math.sqrt(bl.sigma() * bl.sigma() + blb.sigma() * blb.sigma()) * z;
        if (Math.abs(difference + mismatch) <= NoiseReach.of(WIDE_MISMATCH)) {
            filed.fragile.add(position);
            filed.differences.add(difference);
            filed.mismatches.add(mismatch);
            filed.weights.add(weight);
        } else if (Pcsa.weightRead(0.0, difference, mismatch) != weight) {
            filed.misread.add(position);
        }
    }

    private static void assertSameCells(Filed naive, Filed sampled) {
        // The case must exercise both kinds of cell, or agreeing would say little.
        assertTrue(naive.fragile.size() > 500, "fragile cells: " + naive.fragile.size());
        assertTrue(naive.misread.size() > 500, "misread cells: " + naive.misread.size());
        assertEquals(naive.misread, sampled.misread, "cells misread at any noise");
        assertEquals(naive.fragile, sampled.fragile, "fragile positions");
        assertArrayEquals(toArray(naive.differences), toArray(sampled.differences), 1e-12, "Δ of the fragile cells");
        assertEquals(naive.mismatches, sampled.mismatches, "mismatch of the fragile cells");
        assertEquals(naive.weights, sampled.weights, "weights of the fragile cells");
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static WeightMatrix randomWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] signs = new double[FAN_IN * NEURONS];
        for (int i = 0; i < signs.length; i++) {
            signs[i] = random.nextBoolean() ? 1 : -1;
        }
        return WeightMatrix.fromSigns(FAN_IN, NEURONS, signs);
    }
}
