package org.bnn.runtime.errors;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.TileRange;

/**
 * Programs one layer of one chip instance and files every 2T2R cell by its static read margin
 * ({@link LayerMargins}), in one pass over the weights.
 * <p>
 * <b>The margin as one normal.</b> The PCSA compares Δ + offset with 0, where
 * Δ = ln R_BLb − ln R_BL. Given the states the two devices end in (programmed, or stuck, as
 * {@link CellSampler#endsLow} says, so stuck-at faults are the device package's own draws), ln R_BL
 * ~ N(μ_BL, σ_BL²) and ln R_BLb ~ N(μ_BLb, σ_BLb²) are independent, so Δ ~ N(μ_BLb − μ_BL,
 * σ_BL² + σ_BLb²) exactly. Drawing Δ = (μ_BLb − μ_BL) + √(σ_BL² + σ_BLb²) · z from one standard
 * normal z per cell is therefore exactly equivalent in distribution to drawing both resistances, and
 * every decision depends on the resistances only through Δ. It is not the same realisation as
 * {@link CellSampler#lnR}: individual resistances are never drawn. In exchange: one normal instead
 * of two, a screen that needs one uniform per cell (below; about 6× faster than drawing both
 * resistances), and a provable nesting across regimes (an intact cell is misread iff its one z is
 * beyond a threshold that moves monotonically with the regime, see {@link RegimeSweep}).
 * <p>
 * <b>The screen.</b> z is {@link KeyedRandom#gaussian}'s Box–Muller value √(−2 ln u₁)·cos(2π u₂)
 * with u₁ = 1 − {@code KeyedRandom.uniform(key, 2i)}, so |z| ≤ √(−2 ln u₁). For an intact cell
 * with expected margin g = |μ_BLb − μ_BL ± m| (signed towards its stored weight), |z| &lt; ρ with
 * ρ = (g − reach − guard)/σ_Δ guarantees a correct read at any noise; that is u₁ &gt; exp(−ρ²/2),
 * one uniform per cell, with no log, sqrt or cos. Only cells that fail the screen (about 0.15 % of
 * them in the illustrative nominal preset, 8 % in very-low) get their normal computed and filed.
 */
public final class MarginSampler {
    private final CellSampler cells;
    private final StuckAt stuckAt;
    private final boolean anyStuck;
    private final SenseAmpOffsets offsets;
    private final TileFolding folding;
    private final double reach;
    /** Mean and std. dev. of Δ by end states, index (BL low ? 2 : 0) + (BLb low ? 1 : 0). */
    private final double[] pairMean = new double[4];
    private final double[] pairSigma = new double[4];

    public MarginSampler(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding) {
        Checks.present("MarginSampler", "regime", regime);
        Checks.present("MarginSampler", "senseAmp", senseAmp);
        Checks.present("MarginSampler", "stuckAt", stuckAt);
        Checks.present("MarginSampler", "folding", folding);
        this.cells = new CellSampler(regime, stuckAt);
        this.stuckAt = stuckAt;
        this.anyStuck = stuckAt.stuckProbability() > 0;
        this.offsets = new SenseAmpOffsets(senseAmp);
        this.folding = folding;
        this.reach = NoiseReach.of(senseAmp);
        for (boolean blLow : new boolean[] {false, true}) {
            for (boolean blbLow : new boolean[] {false, true}) {
                LogNormal bl = blLow ? regime.lrs() : regime.hrs();
                LogNormal blb = blbLow ? regime.lrs() : regime.hrs();
                pairMean[pair(blLow, blbLow)] = blb.lnMedian() - bl.lnMedian();
                pairSigma[pair(blLow, blbLow)] = Math.sqrt(bl.sigma() * bl.sigma() + blb.sigma() * blb.sigma());
            }
        }
    }

    /**
     * Δ = ln R_BLb − ln R_BL of a cell whose BL and BLb devices end in the given states, for the
     * standard normal {@code z}: (μ_BLb − μ_BL) + √(σ_BL² + σ_BLb²) · z.
     */
    public double bitLineDifference(boolean blLow, boolean blbLow, double z) {
        int pair = pair(blLow, blbLow);
        return pairMean[pair] + pairSigma[pair] * z;
    }

    /**
     * The static margins of {@code weights} as programmed on the chip layer keyed {@code chipLayerKey}
     * (automatic placement): the draws of a cell are keyed by the layer and its position k·fanIn + j,
     * the mismatch by the layer's amplifier index ({@link TileFolding#amplifier}).
     */
    public LayerMargins sample(WeightMatrix weights, long chipLayerKey) {
        int fanIn = weights.fanIn();
        int neurons = weights.rows();
        long marginKey = DeviceKeys.margins(chipLayerKey);
        double[] mismatch = new double[folding.amplifiers(fanIn, neurons)];
        double[] plusSafeAbove = new double[mismatch.length];
        double[] minusSafeAbove = new double[mismatch.length];
        for (int a = 0; a < mismatch.length; a++) {
            mismatch[a] = offsets.mismatch(chipLayerKey, a);
            plusSafeAbove[a] = plusSafeAbove(mismatch[a]);
            minusSafeAbove[a] = minusSafeAbove(mismatch[a]);
        }
        int columnChunks = folding.columnChunks(fanIn);
        boolean[] replaced = ColumnRepair.replaced(folding.rowChunks(neurons) * columnChunks, folding, cells, stuckAt,
                new ColumnRepair.ColumnCells() {
                    @Override
                    public long deviceKey(int local) {
                        return chipLayerKey;
                    }

                    @Override
                    public long spareKey(int local) {
                        return KeyedRandom.key(KeyedRandom.key(chipLayerKey, DeviceKeys.SPARES), local);
                    }

                    @Override
                    public long cell(int local, int row, int column) {
                        return position(fanIn, neurons, columnChunks, local, row, column);
                    }
                });
        long[] words = weights.packedRows();
        int wordsPerRow = PackedBits.words(fanIn);
        LayerMargins.Builder filed = new LayerMargins.Builder();
        for (int k = 0; k < neurons; k++) {
            int rowAmplifier = folding.firstAmplifierOfRow(fanIn, k);
            long rowStart = (long) k * fanIn;
            int rowWord = k * wordsPerRow;
            for (int j = 0; j < fanIn; j++) {
                boolean weight = (words[rowWord + (j >>> 6)] >>> j & 1L) != 0;
                long position = rowStart + j;
                int amplifier = rowAmplifier + j;
                cell(filed, weight, position, chipLayerKey, position, marginKey, mismatch[amplifier], plusSafeAbove[amplifier],
                        minusSafeAbove[amplifier], replaced != null && replaced[amplifier]);
            }
        }
        return filed.build();
    }

    /**
     * The static margins of {@code weights}, layer {@code layer} of the network, as programmed on the
     * physical tiles {@code tiles} of the chip instance keyed {@code chipTilesKey} (explicit
     * placement). A cell's devices are those of its tile, row and column: stuck-at faults keyed by
     * ({@link DeviceKeys#tile tile}, row · C + column), the mismatch by (tile, column), and the
     * programmed resistances by the same cell and the layer (a tile reprogrammed with another
     * layer draws them anew). Local tile ({@code row chunk · column chunks + column chunk}) i sits
     * on tile {@code first + i mod count}: a range shorter than the layer streams its blocks
     * through its tiles.
     */
    public LayerMargins sample(WeightMatrix weights, long chipTilesKey, int layer, TileRange tiles) {
        int fanIn = weights.fanIn();
        int neurons = weights.rows();
        int columns = folding.columns();
        int columnChunks = folding.columnChunks(fanIn);
        int localTiles = folding.rowChunks(neurons) * columnChunks;
        long[] deviceKeys = new long[localTiles];
        long[] marginKeys = new long[localTiles];
        double[] mismatch = new double[localTiles * columns];
        double[] plusSafeAbove = new double[mismatch.length];
        double[] minusSafeAbove = new double[mismatch.length];
        for (int local = 0; local < localTiles; local++) {
            deviceKeys[local] = DeviceKeys.tile(chipTilesKey, tiles.first() + local % tiles.count());
            marginKeys[local] = DeviceKeys.programming(deviceKeys[local], layer);
            for (int column = 0; column < columns; column++) {
                int amplifier = local * columns + column;
                mismatch[amplifier] = offsets.mismatch(deviceKeys[local], column);
                plusSafeAbove[amplifier] = plusSafeAbove(mismatch[amplifier]);
                minusSafeAbove[amplifier] = minusSafeAbove(mismatch[amplifier]);
            }
        }
        boolean[] replaced = ColumnRepair.replaced(localTiles, folding, cells, stuckAt, new ColumnRepair.ColumnCells() {
            @Override
            public long deviceKey(int local) {
                return deviceKeys[local];
            }

            @Override
            public long spareKey(int local) {
                return KeyedRandom.key(deviceKeys[local], DeviceKeys.SPARES);
            }

            @Override
            public long cell(int local, int row, int column) {
                return position(fanIn, neurons, columnChunks, local, row, column) < 0 ? -1 : (long) row * columns + column;
            }
        });
        long[] words = weights.packedRows();
        int wordsPerRow = PackedBits.words(fanIn);
        LayerMargins.Builder filed = new LayerMargins.Builder();
        for (int k = 0; k < neurons; k++) {
            int firstLocal = k / folding.rows() * columnChunks;
            long rowCell = (long) (k % folding.rows()) * columns;
            long rowStart = (long) k * fanIn;
            int rowWord = k * wordsPerRow;
            for (int j = 0; j < fanIn; j++) {
                boolean weight = (words[rowWord + (j >>> 6)] >>> j & 1L) != 0;
                int local = firstLocal + j / columns;
                int column = j % columns;
                int amplifier = local * columns + column;
                cell(filed, weight, rowStart + j, deviceKeys[local], rowCell + column, marginKeys[local], mismatch[amplifier],
                        plusSafeAbove[amplifier], minusSafeAbove[amplifier], replaced != null && replaced[amplifier]);
            }
        }
        return filed.build();
    }

    /**
     * Files one cell, holding {@code weight} at logical {@code position}, if it can be misread: its
     * stuck-at draws come from {@code deviceKey} at {@code cell} (none if its column was replaced by
     * a spare), its margin's normal from {@code marginKey} at {@code cell}.
     */
    private void cell(LayerMargins.Builder filed, boolean weight, long position, long deviceKey, long cell, long marginKey,
            double mismatch, double plusSafeAbove, double minusSafeAbove, boolean replacedBySpare) {
        boolean blLow = weight;
        boolean blbLow = !weight;
        if (anyStuck && !replacedBySpare) {
            blLow = cells.endsLow(deviceKey, CellSampler.twoTwoRDevice(cell, false), weight);
            blbLow = cells.endsLow(deviceKey, CellSampler.twoTwoRDevice(cell, true), !weight);
        }
        if (blLow == weight && blbLow != weight) {
            double safeAbove = weight ? plusSafeAbove : minusSafeAbove;
            if (1.0 - KeyedRandom.uniform(marginKey, 2 * cell) > safeAbove) {
                return; // |z| is too small to bring this intact cell within reach of a misread
            }
        }
        double z = KeyedRandom.gaussian(marginKey, cell);
        filed.add(position, bitLineDifference(blLow, blbLow, z), mismatch, weight, reach);
    }

    /**
     * The logical position k · fanIn + j of row {@code row}, column {@code column} of local tile
     * {@code local} (row chunk · column chunks + column chunk), or −1 where the layer leaves the cell unused.
     */
    private long position(int fanIn, int neurons, int columnChunks, int local, int row, int column) {
        int k = local / columnChunks * folding.rows() + row;
        int j = local % columnChunks * folding.columns() + column;
        return k < neurons && j < fanIn ? (long) k * fanIn + j : -1;
    }

    private double plusSafeAbove(double mismatch) {
        return safeAbove(pairMean[pair(true, false)] + mismatch, pairSigma[pair(true, false)]);
    }

    private double minusSafeAbove(double mismatch) {
        return safeAbove(-(pairMean[pair(false, true)] + mismatch), pairSigma[pair(false, true)]);
    }

    /**
     * The u₁ above which |z| &lt; ρ = (expected − reach − guard)/σ, so that the cell reads right at
     * any noise; 1 (no u₁ exceeds it: always compute) when no such ρ exists.
     */
    private double safeAbove(double expectedMargin, double sigma) {
        double rho = (expectedMargin - reach - NoiseReach.ROUNDING_GUARD) / sigma;
        return rho > 0 ? Math.exp(-0.5 * rho * rho) : 1.0;
    }

    private static int pair(boolean blLow, boolean blbLow) {
        return (blLow ? 2 : 0) + (blbLow ? 1 : 0);
    }
}
