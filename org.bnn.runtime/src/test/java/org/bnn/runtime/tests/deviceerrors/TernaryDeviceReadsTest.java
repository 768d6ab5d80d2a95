package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryCellSampler;
import org.bnn.runtime.device.TernaryConfusion;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.TernaryPlanes;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceChip;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TernaryLayers;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileRange;
import org.bnn.runtime.spec.WeightValues;
import org.bnn.runtime.testing.PaperFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Device-level reads of ternary layers: the plane-bit flips of a chip, turned back into the values
 * read, against the analytic confusion matrix ({@link TernaryReads#confusion}) and against the
 * device model written out cell by cell ({@link TernaryCellSampler#read}).
 */
class TernaryDeviceReadsTest {
    private static final int FAN_IN = 1000;
    private static final int NEURONS = 200;
    private static final int CHIPS = 4;
    private static final long SEED = 2024;
    private static final ReadReference ZERO_THRESHOLD = TernaryReads.DEFAULT_ZERO_THRESHOLD;
    /** One fully connected ternary layer (¼ zeros, ±1 alike), then a binary output layer. */
    private static final NetworkSpec WIDE = NetworkSpec.builder("Wide", "in", FAN_IN).weights(WeightValues.TERNARY).dense("fc", NEURONS)
            .weights(WeightValues.BINARY).output("out", 10).build();
    private static final BinaryNetwork NETWORK = RandomNetworks.create(WIDE, 3);
    /** Illustrative stuck-at probabilities, large enough to move every entry of the confusion matrix. */
    private static final StuckAt STUCK = new StuckAt(0.01, 0.02);

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (PaperFacts.Row row : List.of(PaperFacts.NOMINAL, PaperFacts.LOW, PaperFacts.VERY_LOW, PaperFacts.ULTRA_LOW)) {
            for (StuckAt stuckAt : List.of(StuckAt.NONE, STUCK)) {
                for (Resampling resampling : List.of(Resampling.PER_CHIP, Resampling.PER_READ)) {
                    cases.add(Arguments.of(row.regime().name(), row.regime(), stuckAt, resampling, false));
                }
            }
        }
        for (Resampling resampling : List.of(Resampling.PER_CHIP, Resampling.PER_READ)) { // devices keyed by physical tile
            cases.add(Arguments.of("very-low", PaperFacts.VERY_LOW.regime(), STUCK, resampling, true));
        }
        return cases.stream();
    }

    /**
     * Over {@value #CHIPS} chips, the share of each stored value read as each value equals
     * P(read | stored) within 3 binomial standard deviations, for the frozen read of a per-chip
     * pattern and for one fresh read per chip. One row per tile (folding 1 × N): every cell has
     * an amplifier of its own, so the cells are independent and the count is exactly binomial.
     * Automatic placement, and an explicit one (fc on tiles 7..206, out on 300..309).
     */
    @ParameterizedTest(name = "{0}, {2}, {3}, placed {4}")
    @MethodSource("cases")
    void sampledReadsMatchTheAnalyticConfusion(String name, RegimeSpec regime, StuckAt stuckAt, Resampling resampling, boolean placed) {
        DeviceErrors automatic = errors(regime, PaperFacts.SENSE_AMP, stuckAt, new TileFolding(1, FAN_IN), resampling);
        DeviceErrors errors = placed ? placed(automatic, new TileRange(7, 206)) : automatic;
        long[][] counts = new long[3][3];
        for (int trial = 0; trial < CHIPS; trial++) {
            DeviceChip chip = errors.program(NETWORK, SEED, trial);
            long[] flips = resampling == Resampling.PER_CHIP ? chip.perChipFlips()[0] : chip.reads(trial).positions(0, 0);
            count(NETWORK.weights(0), flips, counts);
        }
        TernaryConfusion analytic = TernaryReads.confusion(regime, Optional.of(PaperFacts.SENSE_AMP), stuckAt, ZERO_THRESHOLD);
        StringBuilder figures = new StringBuilder(name + " " + stuckAt + " " + resampling + (placed ? " placed" : "") + ":");
        for (int stored = -1; stored <= 1; stored++) {
            long n = Arrays.stream(counts[stored + 1]).sum();
            for (int read = -1; read <= 1; read++) {
                double p = analytic.probability(stored, read);
                double measured = (double) counts[stored + 1][read + 1] / n;
                double sigma = Math.sqrt(p * (1 - p) / n);
                figures.append(String.format(" %+d->%+d %.3e (analytic %.3e, sigma %.1e);", stored, read, measured, p, sigma));
                assertTrue(Math.abs(measured - p) <= 3 * sigma,
                        "P(read " + read + " | stored " + stored + "): measured " + measured + " over " + n + " cells, analytic " + p
                                + " +- " + sigma);
            }
        }
        System.out.println(figures);
    }

    /**
     * The fast path (static margins, fragile cut-off, plane-bit flips) reads every cell as the
     * device model does, cell by cell: resistances from TernaryCellSampler under the chip-layer
     * key, the amplifier's mismatch, a noise per sense, the rule of TernaryPcsa. Shared amplifiers
     * (7 × 20 tiles), offsets large enough that many cells are fragile, stuck-at faults.
     */
    @Test
    void readsEqualTheDeviceModelCellByCell() {
        SenseAmpSpec noisy = Presets.NOISY_SENSE_AMP;
        TileFolding folding = new TileFolding(7, 20);
        for (RegimeSpec regime : List.of(PaperFacts.NOMINAL.regime(), PaperFacts.ULTRA_LOW.regime())) {
            DeviceErrors errors = errors(regime, noisy, STUCK, folding, Resampling.PER_READ);
            double lnZeroThreshold = Math.log(ZERO_THRESHOLD.ohms(regime));
            for (int trial = 0; trial < 2; trial++) {
                DeviceChip chip = errors.program(NETWORK, SEED, trial);
                long chipLayerKey = DeviceKeys.chipLayer(SEED, trial, 0);
                long[] perChip = bruteForce(regime, noisy, STUCK, folding, lnZeroThreshold, chipLayerKey,
                        DeviceKeys.frozenRead(chipLayerKey));
                assertArrayEquals(perChip, chip.perChipFlips()[0], regime.name() + " trial " + trial + " per chip");
                long read = DeviceKeys.read(DeviceKeys.inferenceLayer(SEED, trial, 5, 0), 0);
                long[] perRead = bruteForce(regime, noisy, STUCK, folding, lnZeroThreshold, chipLayerKey, read);
                assertArrayEquals(perRead, chip.reads(5).positions(0, 0), regime.name() + " trial " + trial + " per read");
                assertTrue(perChip.length > 1000 && !Arrays.equals(perChip, perRead), "misreads, and noise that changes them");
                assertTrue(chip.ternaryMargins(0).fragileCells() > 1000, "many fragile cells: " + chip.ternaryMargins(0).fragileCells());
            }
        }
    }

    /** Placed explicitly, a ternary layer meets the devices of its tiles: others when moved, the same ones on the same tiles. */
    @Test
    void aMovedTernaryLayerMeetsOtherDevices() {
        DeviceErrors automatic = errors(PaperFacts.ULTRA_LOW.regime(), Presets.NOISY_SENSE_AMP, STUCK, new TileFolding(8, 64),
                Resampling.PER_CHIP);
        long[] here = placed(automatic, new TileRange(0, 199)).program(NETWORK, SEED, 0).perChipFlips()[0];
        long[] moved = placed(automatic, new TileRange(500, 699)).program(NETWORK, SEED, 0).perChipFlips()[0];
        long[] again = placed(automatic.withRegime(PaperFacts.ULTRA_LOW.regime()), new TileRange(0, 199)).program(NETWORK, SEED, 0)
                .perChipFlips()[0];
        assertTrue(here.length > 1000, "misreads to compare: " + here.length);
        assertTrue(!Arrays.equals(here, moved), "other tiles, other devices");
        assertArrayEquals(here, again, "the same tiles, the same devices");
        assertTrue(!Arrays.equals(here, automatic.program(NETWORK, SEED, 0).perChipFlips()[0]), "tile-keyed, not layer-keyed");
    }

    /** Errors made for binary weights do not program a network whose layer holds ternary ones (its bits are planes, not weights). */
    @Test
    void errorsForBinaryLayersRefuseATernaryLayer() {
        DeviceErrors binaryOnly = new DeviceErrors(PaperFacts.NOMINAL.regime(), PaperFacts.SENSE_AMP, StuckAt.NONE, new TileFolding(64, 64),
                Resampling.PER_CHIP, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> binaryOnly.program(NETWORK, SEED, 0));
        assertEquals("device errors are given for binary weights in layer fc, but network Wide has ternary weights there", e.getMessage());
    }

    /** The analytic rates a device-level point reports: the ternary read's for the ternary layer, the binary read's for the other. */
    @Test
    void averageRatesAreThoseOfEachLayersCells() {
        RegimeSpec regime = PaperFacts.LOW.regime();
        DeviceErrors errors = errors(regime, PaperFacts.SENSE_AMP, STUCK, new TileFolding(64, 64), Resampling.PER_CHIP);
        double ternary = TernaryReads.weightErrorRate(regime, Optional.of(PaperFacts.SENSE_AMP), STUCK, ZERO_THRESHOLD);
        double binary = org.bnn.runtime.device.BitErrorRates.twoTwoR(regime, PaperFacts.SENSE_AMP, STUCK);
        assertArrayEquals(new double[] {ternary, binary}, errors.averageWeightErrors().berPerLayer());
        double weights = FAN_IN * NEURONS + NEURONS * 10;
        assertEquals((ternary * FAN_IN * NEURONS + binary * NEURONS * 10) / weights, errors.averageBitErrorRate(), 1e-15);
        assertEquals(ternary, errors.withErrorFreeLayers(Set.of(1)).averageBitErrorRate(), 1e-15);
        assertArrayEquals(new double[] {ternary, 0}, errors.withErrorFreeLayers(Set.of(1)).averageWeightErrors().berPerLayer());
    }

    /** Ternary-layer errors on {@link #NETWORK} (its layer fc ternary, out binary), automatic placement. */
    private static DeviceErrors errors(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding,
            Resampling resampling) {
        return new DeviceErrors(regime, senseAmp, stuckAt, folding, resampling, 2, Set.of(), List.of(),
                TernaryLayers.of(NETWORK, ZERO_THRESHOLD));
    }

    /** {@code errors} with fc placed on {@code fc} and out on the 10 tiles from 300 (enough for out on every folding used here). */
    private static DeviceErrors placed(DeviceErrors errors, TileRange fc) {
        return new DeviceErrors(errors.regime(), errors.senseAmp(), errors.stuckAt(), errors.folding(), errors.resampling(), 2, Set.of(),
                List.of(fc, new TileRange(300, 309)), errors.ternary());
    }

    /** Adds, for every weight of {@code stored}, one count at [stored + 1][read + 1], the read being the value after {@code flips}. */
    private static void count(WeightMatrix stored, long[] flips, long[][] counts) {
        BitSet flipped = new BitSet();
        for (long position : flips) {
            flipped.set(Math.toIntExact(position));
        }
        int fanIn = stored.fanIn() / 2;
        for (int k = 0; k < stored.rows(); k++) {
            for (int j = 0; j < fanIn; j++) {
                int s = stored.bit(k, j) != flipped.get((int) TernaryPlanes.position(k, j, 0, fanIn)) ? 1 : -1;
                int sPrime = stored.bit(k, fanIn + j) != flipped.get((int) TernaryPlanes.position(k, j, 1, fanIn)) ? 1 : -1;
                counts[TernaryPlanes.value(stored, k, j, fanIn) + 1][(s + sPrime) / 2 + 1]++;
            }
        }
    }

    /**
     * The plane bits misread in the read keyed {@code readKey}, cell by cell: weight (k, j) is cell
     * k·N + j of TernaryCellSampler under the chip-layer key, read with the offset of its amplifier
     * (row chunk, column chunk, column) and the noise of sense k·2N + j; a wrong read inverts the
     * plane bits by which the stored encoding differs from the value read.
     */
    private static long[] bruteForce(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding,
            double lnZeroThreshold, long chipLayerKey, long readKey) {
        WeightMatrix stored = NETWORK.weights(0);
        int fanIn = stored.fanIn() / 2;
        TernaryCellSampler cells = new TernaryCellSampler(regime, stuckAt);
        SenseAmpOffsets offsets = new SenseAmpOffsets(senseAmp);
        int columnChunks = (fanIn + folding.columns() - 1) / folding.columns();
        List<Long> misread = new ArrayList<>();
        for (int k = 0; k < stored.rows(); k++) {
            for (int j = 0; j < fanIn; j++) {
                int weight = TernaryPlanes.value(stored, k, j, fanIn);
                long amplifier = ((long) (k / folding.rows()) * columnChunks + j / folding.columns()) * folding.columns()
                        + j % folding.columns();
                long sense = TernaryPlanes.position(k, j, 0, fanIn);
                int read = cells.read(chipLayerKey, (long) k * fanIn + j, weight, lnZeroThreshold,
                        offsets.offset(chipLayerKey, amplifier, readKey, sense));
                if (read != weight) {
                    boolean s = read != -1; // the encoding of the value read: +1 (1, 1), 0 (1, 0), −1 (0, 0)
                    boolean sPrime = read == 1;
                    if (s != stored.bit(k, j)) {
                        misread.add(sense);
                    }
                    if (sPrime != stored.bit(k, fanIn + j)) {
                        misread.add(TernaryPlanes.position(k, j, 1, fanIn));
                    }
                }
            }
        }
        return misread.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
