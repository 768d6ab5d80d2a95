package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.aging.ReadDisturb;
import org.bnn.runtime.aging.Relaxation;
import org.bnn.runtime.aging.StateDrift;
import org.bnn.runtime.aging.Wear;
import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.LayerMargins;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.junit.jupiter.api.Test;

/**
 * Aged chips: the device-level Monte-Carlo misread rate against the analytic rate of the aged
 * regime and faults at every point of a time × temperature, cycles and reads grid (within 3σ),
 * and chips nested over time: where the model drifts one way, a cell misread at t₁ stays misread
 * at every t₂ &gt; t₁, and a device moved by use stays moved.
 */
class AgingChipsTest {
    private static final WeightMatrix LAYER = TestNetworks.randomWeights(1024, 1024, 5);
    private static final Aging AGING = new Aging(
            Optional.of(new Relaxation(new StateDrift(2, 0.005), new StateDrift(-6, 0.03), 1, 1.1, Condition.ROOM_KELVIN)),
            Optional.of(new ReadDisturb(1e-12, true)),
            Optional.of(new Wear(new StateDrift(0, 0.01), new StateDrift(-3, 0.02), 1e3, 0.6, true)));
    private static final RegimeSpec NOMINAL = Presets.NOMINAL.withAging(AGING);
    private static final StuckAt FABRICATED = new StuckAt(1e-5, 1e-5);
    private static final double[] TIMES = {1, Durations.HOUR, Durations.DAY, Durations.YEAR, 10 * Durations.YEAR};

    private static List<Condition> grid() {
        List<Condition> conditions = new ArrayList<>();
        for (double kelvin : new double[] {Condition.ROOM_KELVIN, 358.15}) {
            for (double seconds : TIMES) {
                conditions.add(Condition.FRESH.withSeconds(seconds).withKelvin(kelvin));
            }
        }
        for (double cycles : new double[] {1e3, 1e5, 1e6}) {
            conditions.add(Condition.FRESH.withCycles(cycles));
        }
        conditions.add(Condition.FRESH.withReads(1e9));
        return conditions;
    }

    @Test
    void monteCarloAgreesWithTheAnalyticRateAtEveryCondition() {
        DeviceErrors fresh = new DeviceErrors(NOMINAL, Presets.SENSE_AMP, FABRICATED, new TileFolding(32, 32), Resampling.PER_CHIP, 1);
        SenseAmpOffsets offsets = new SenseAmpOffsets(Presets.SENSE_AMP);
        for (Condition condition : grid()) {
            Aging.Aged aged = AGING.at(NOMINAL, FABRICATED, condition);
            DeviceErrors chips = fresh.aged(NOMINAL, aged.regime(), aged.stuckAt());
            double ber = BitErrorRates.twoTwoR(aged.regime(), Presets.SENSE_AMP, aged.stuckAt());
            assertEquals(ber, chips.averageBitErrorRate(), 1e-15);
            int chipCount = (int) Math.min(40, Math.ceil(300 / (ber * LAYER.size())));
            long misreads = 0;
            for (int trial = 0; trial < chipCount; trial++) {
                long key = DeviceKeys.chipLayer(9, trial, 0);
                LayerMargins margins = chips.marginSampler().sample(LAYER, key);
                misreads += margins.misreadIn(DeviceKeys.frozenRead(key), offsets).length;
            }
            PerChipMisreadRateTest.assertBinomial(condition.describe(), misreads, chipCount * LAYER.size(), ber);
        }
    }

    @Test
    void misreadsOfIntactCellsAreNestedOverTime() {
        Aging relaxOnly = new Aging(AGING.relaxation(), Optional.empty(), Optional.empty());
        RegimeSpec regime = Presets.LOW.withAging(relaxOnly);
        DeviceErrors fresh = new DeviceErrors(regime, Presets.SENSE_AMP, StuckAt.NONE, new TileFolding(32, 32), Resampling.PER_CHIP, 1);
        SenseAmpOffsets offsets = new SenseAmpOffsets(Presets.SENSE_AMP);
        long key = DeviceKeys.chipLayer(4, 0, 0);
        long[] previous = new long[0];
        for (double seconds : TIMES) {
            Aging.Aged aged = relaxOnly.at(regime, StuckAt.NONE, Condition.FRESH.withSeconds(seconds));
            long[] misread = fresh.aged(regime, aged.regime(), aged.stuckAt()).marginSampler().sample(LAYER, key)
                    .misreadIn(DeviceKeys.frozenRead(key), offsets);
            assertTrue(containsAll(misread, previous), "misreads at " + seconds + " s must include the earlier ones");
            assertTrue(misread.length > previous.length, "the HRS relaxes: more misreads at " + seconds + " s");
            previous = misread;
        }
    }

    @Test
    void devicesMovedByUseStayMoved() {
        long devices = 1 << 20;
        boolean[] before = new boolean[(int) devices];
        int previousMoved = 0;
        for (double reads : new double[] {1e8, 1e9, 1e10}) {
            StuckAt stuck = AGING.at(NOMINAL, StuckAt.NONE, Condition.FRESH.withReads(reads)).stuckAt();
            CellSampler cells = new CellSampler(NOMINAL, stuck);
            int moved = 0;
            for (int d = 0; d < devices; d++) {
                boolean low = cells.endsLow(77, d, false); // programmed HRS
                assertTrue(low || !before[d], "device " + d + " moved back after " + reads + " reads");
                before[d] = low;
                moved += low ? 1 : 0;
            }
            PerChipMisreadRateTest.assertBinomial(reads + " reads", moved, devices, stuck.stuckAtLrsProbability());
            assertTrue(moved > previousMoved);
            previousMoved = moved;
        }
    }

    private static boolean containsAll(long[] ascending, long[] subset) {
        int i = 0;
        for (long position : subset) {
            while (i < ascending.length && ascending[i] < position) {
                i++;
            }
            if (i == ascending.length || ascending[i] != position) {
                return false;
            }
        }
        return true;
    }
}
