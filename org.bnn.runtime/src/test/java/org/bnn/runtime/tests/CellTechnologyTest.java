package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.Chunks;
import org.junit.jupiter.api.Test;

/**
 * The cell-technology model answers every question about cells; the expected figures are worked
 * out here by hand, not by asking the model.
 */
class CellTechnologyTest {
    private static final CellTechnology TWO_T_TWO_R = new CellTechnology.TwoTransistorTwoResistor();
    private static final CellTechnology ONE_T_ONE_R = new CellTechnology.OneTransistorOneResistor(new ReadReference.Fixed(18e3));
    private static final CellTechnology SECDED = new CellTechnology.OneTransistorOneResistorSecded(new ReadReference.Fixed(18e3),
            OptionalDouble.of(2e-12));
    private static final CellTechnology TERNARY = new CellTechnology.TwoTransistorTwoResistorTernary(new ReadReference.Fixed(18e3));
    /**
     * Devices without spread: every LRS device is 8 kOhm, every HRS device 180 kOhm, so an intact
     * cell never misreads against 18 kOhm and every error below comes from stuck-at faults.
     * Pulses: SET 0.1 nJ, RESET 0.3 nJ.
     */
    private static final RegimeSpec SHARP = new RegimeSpec("sharp", new LogNormal(8e3, 0), new LogNormal(180e3, 0),
            Pulse.of(2, 100e-6, 500e-9), Pulse.of(2, 300e-6, 500e-9), 1e6);
    private static final StuckAt STUCK = new StuckAt(0.002, 0.001);

    @Test
    void theLanguagesDescriptionsNameTheTechnologies() {
        assertEquals(TWO_T_TWO_R, CellTechnology.of("2T2R", Optional.empty(), Optional.empty(), OptionalDouble.empty()));
        assertEquals(ONE_T_ONE_R, CellTechnology.of("1T1R", Optional.of(new ReadReference.Fixed(18e3)), Optional.empty(),
                OptionalDouble.empty()));
        assertEquals(SECDED, CellTechnology.of("1T1R", Optional.of(new ReadReference.Fixed(18e3)), Optional.of("secded(72,64)"),
                OptionalDouble.of(2e-12)));
        assertEquals(java.util.List.of("2T2R", "1T1R", "1T1R + secded(72,64)"),
                java.util.List.of(TWO_T_TWO_R.label(), ONE_T_ONE_R.label(), SECDED.label()));

        // On 2T2R cells the reference is the zero threshold of ternary reads; binary reads ignore it.
        CellTechnology withThreshold = CellTechnology.of("2T2R", Optional.of(new ReadReference.Fixed(30e3)), Optional.empty(),
                OptionalDouble.empty());
        assertEquals(new CellTechnology.TwoTransistorTwoResistor(new ReadReference.Fixed(30e3)), withThreshold);
        assertEquals(new CellTechnology.TwoTransistorTwoResistorTernary(new ReadReference.Fixed(30e3)), withThreshold.forTernaryWeights());
        assertEquals(TWO_T_TWO_R.bitErrorRate(SHARP, Optional.empty(), StuckAt.NONE),
                withThreshold.bitErrorRate(SHARP, Optional.empty(), StuckAt.NONE), "binary reads do not use the zero threshold");
        assertEquals(new CellTechnology.TwoTransistorTwoResistorTernary(new ReadReference.Best()), TWO_T_TWO_R.forTernaryWeights(),
                "best by default");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellTechnology.of("2T2R", Optional.empty(),
                Optional.of("secded(72,64)"), OptionalDouble.empty())).getMessage().contains("cannot be used with 2T2R cells"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellTechnology.of("1T1R", Optional.empty(), Optional.empty(),
                OptionalDouble.empty())).getMessage().contains("reference is required for a 1T1R cell"));
        assertThrows(IllegalArgumentException.class, () -> CellTechnology.of("3T3R", Optional.empty(), Optional.empty(),
                OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> CellTechnology.of("1T1R", Optional.of(new ReadReference.Best()),
                Optional.of("hamming(7,4)"), OptionalDouble.empty()));
    }

    @Test
    void rowsHoldWholeCodeWords() {
        // Fan-in 784: 2T2R and 1T1R take 784 cells; SECDED takes ⌈784/64⌉ = 13 words of 72 cells = 936.
        assertEquals(784, TWO_T_TWO_R.cellsPerRow(784));
        assertEquals(784, ONE_T_ONE_R.cellsPerRow(784));
        assertEquals(0, ONE_T_ONE_R.eccWordsPerRow(784));
        assertEquals(13, SECDED.eccWordsPerRow(784));
        assertEquals(936, SECDED.cellsPerRow(784));
        assertEquals(72, SECDED.cellsPerRow(64));
        assertEquals(144, SECDED.cellsPerRow(65));
        assertEquals(1.125, SECDED.cellsPerWeight());
        assertEquals(1.0, TWO_T_TWO_R.cellsPerWeight());
        assertEquals(72, SECDED.minimumColumns());
        assertEquals(1, ONE_T_ONE_R.minimumColumns());
        // Folding: 784 cells on 32 columns = 25 chunks (24 full + 16 cells); 936 cells on 100 columns = 10 chunks.
        assertEquals(25, TWO_T_TWO_R.columnChunks(784, 32));
        assertEquals(10, SECDED.columnChunks(784, 100));
        assertEquals(3, Chunks.ceilDiv(7, 3));
        assertEquals(0, Chunks.ceilDiv(0, 3));
        assertEquals(Long.MAX_VALUE / 2 + 1, Chunks.ceilDiv(Long.MAX_VALUE, 2), "no overflow near the top");
    }

    @Test
    void everyTechnologyCountsStuckAtFaults() {
        // 1T1R: a +1 (LRS) device misreads iff stuck at HRS, a −1 (HRS) device iff stuck at LRS:
        // ½·0.001 + ½·0.002 = 0.0015. Before the model, 1T1R tiles left stuck-at faults out (0 here).
        assertEquals(0.0015, ONE_T_ONE_R.bitErrorRate(SHARP, Optional.empty(), STUCK), 1e-15);
        assertEquals(0.0015, SECDED.bitErrorRate(SHARP, Optional.empty(), STUCK), 1e-15);
        assertEquals(0.0, ONE_T_ONE_R.bitErrorRate(SHARP, Optional.empty(), StuckAt.NONE));
        // 2T2R, w = +1 stored as (BL LRS, BLb HRS), intact pairs never misread: LRS/LRS or HRS/HRS pairs
        // are a coin toss, ½·[(1 − 0.001)·0.002 + 0.001·(1 − 0.002)], and a pair stuck the wrong way round
        // (BL stuck HRS, BLb stuck LRS) misreads: 0.001·0.002.
        double twoT = 0.5 * (0.999 * 0.002 + 0.001 * 0.998) + 0.001 * 0.002;
        SenseAmpSpec offsetFree = new SenseAmpSpec(0, 0, 25e-15, 2e-9);
        assertEquals(twoT, TWO_T_TWO_R.bitErrorRate(SHARP, Optional.of(offsetFree), STUCK), 1e-15);
        assertEquals(twoT, TWO_T_TWO_R.bitErrorRate(SHARP, Optional.empty(), STUCK), 1e-15, "without an amplifier too");
    }

    @Test
    void onlyTheCodeDecodes() {
        // SECDED leaves a word's errors when it has two or more: p·[1 − (1 − p)^71].
        double p = 0.01;
        assertEquals(p * (1 - Math.pow(1 - p, 71)), SECDED.bitErrorRateAfterDecoding(p).getAsDouble(), 1e-15);
        assertTrue(ONE_T_ONE_R.bitErrorRateAfterDecoding(p).isEmpty());
        assertTrue(TWO_T_TWO_R.bitErrorRateAfterDecoding(p).isEmpty());
        assertEquals(OptionalDouble.of(2e-12), SECDED.decodeJoulesPerWord());
        assertTrue(ONE_T_ONE_R.decodeJoulesPerWord().isEmpty());
        SenseAmpSpec pcsa = new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9);
        assertEquals(OptionalDouble.of(25e-15), TWO_T_TWO_R.joulesPerSense(Optional.of(pcsa)));
        assertEquals(OptionalDouble.of(25e-15), SECDED.joulesPerSense(Optional.of(pcsa)));
        assertTrue(ONE_T_ONE_R.joulesPerSense(Optional.empty()).isEmpty());
    }

    @Test
    void programmingPulsesEveryDeviceOfTheCellsWritten() {
        // 1,000 cells written 3 times. 2T2R: one SET (0.1 nJ) and one RESET (0.3 nJ) per write, 6,000 pulses, 1.2 µJ.
        ProgrammingCost twoT = TWO_T_TWO_R.programming(SHARP, 1000, 3);
        assertEquals(6000, twoT.pulses());
        assertEquals(1.2e-6, twoT.energyJoules(), 1e-21);
        assertEquals(3e-6, twoT.enduranceFraction(), 1e-21, "each device is written 3 times of its 1e6 cycles");
        // 1T1R, with or without a code (check bits are cells): one pulse per write at the mean energy, 3,000 pulses, 0.6 µJ.
        for (CellTechnology oneT : java.util.List.of(ONE_T_ONE_R, SECDED)) {
            ProgrammingCost cost = oneT.programming(SHARP, 1000, 3);
            assertEquals(3000, cost.pulses(), oneT.label() + ": no code rate applied to cells");
            assertEquals(0.6e-6, cost.energyJoules(), 1e-21);
            assertEquals(3e-6, cost.enduranceFraction(), 1e-21);
        }
    }

    @Test
    void onlyUncodedPairsHaveDeviceLevelErrors() {
        assertTrue(TWO_T_TWO_R.supportsDeviceLevelErrors());
        assertFalse(ONE_T_ONE_R.supportsDeviceLevelErrors());
        assertFalse(SECDED.supportsDeviceLevelErrors());
    }

    @Test
    void theReadIsDescribedByTheTechnology() {
        SenseAmpSpec pcsa = new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9);
        assertEquals("2T2R, PCSA offsets included", TWO_T_TWO_R.readDescription(SHARP, Optional.of(pcsa)));
        assertEquals("2T2R, offset-free comparator (no sense amplifier given)", TWO_T_TWO_R.readDescription(SHARP, Optional.empty()));
        assertEquals("1T1R, reference 18.0 kOhm", ONE_T_ONE_R.readDescription(SHARP, Optional.empty()));
        assertEquals("1T1R + secded(72,64), reference 18.0 kOhm", SECDED.readDescription(SHARP, Optional.empty()));
        // Sharp devices misread against no reference between the medians; the search returns one of them.
        String best = new CellTechnology.OneTransistorOneResistor(new ReadReference.Best()).readDescription(SHARP, Optional.empty());
        assertTrue(best.startsWith("1T1R, reference ") && best.endsWith(" kOhm (best)"), best);
    }

    @Test
    void onlyA2T2RPairHoldsTernaryWeights() {
        ReadReference best = new ReadReference.Best();
        assertEquals(new CellTechnology.TwoTransistorTwoResistorTernary(best), TWO_T_TWO_R.forTernaryWeights());
        assertEquals(TERNARY, TERNARY.forTernaryWeights(), "already ternary");
        assertEquals(Optional.of(new ReadReference.Fixed(18e3)), TERNARY.ternaryZeroThreshold());
        assertEquals(Optional.empty(), TWO_T_TWO_R.ternaryZeroThreshold(), "a binary read has no zero threshold");
        for (CellTechnology oneDevice : java.util.List.of(ONE_T_ONE_R, SECDED)) {
            SpecViolation e = assertThrows(SpecViolation.class, () -> oneDevice.forTernaryWeights());
            assertEquals(SpecViolation.Problem.INCONSISTENT, e.problem());
            assertEquals("cell", e.field());
            assertEquals("CellTechnology.cell: ternary weights need 2T2R cells; a 1T1R cell holds one device, it cannot store three values"
                    + " read in one sense", e.getMessage());
        }
        assertEquals(2, TWO_T_TWO_R.weightLevels());
        assertEquals(2, SECDED.weightLevels());
        assertEquals(3, TERNARY.weightLevels());
        assertEquals(TERNARY, SpecJson.read(SpecJson.write(TERNARY), CellTechnology.class), "the description round-trips");
    }

    @Test
    void ternaryCellsAre2T2RCellsReadAgainstAZeroThreshold() {
        SenseAmpSpec pcsa = new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9);
        assertEquals("2T2R ternary", TERNARY.label());
        assertEquals(2, TERNARY.devicesPerCell());
        assertEquals(784, TERNARY.cellsPerRow(784));
        assertEquals(25, TERNARY.columnChunks(784, 32));
        assertTrue(TERNARY.code().isEmpty());
        assertTrue(TERNARY.bitErrorRateAfterDecoding(0.01).isEmpty());
        assertEquals(OptionalDouble.of(25e-15), TERNARY.joulesPerSense(Optional.of(pcsa)), "one sense per weight, as 2T2R");
        assertEquals(TWO_T_TWO_R.programming(SHARP, 1000, 3), TERNARY.programming(SHARP, 1000, 3));
        assertEquals(6000, TERNARY.programming(SHARP, 1000, 3).pulses());
        assertTrue(TERNARY.supportsDeviceLevelErrors());
        assertEquals("2T2R ternary, zero threshold 18.0 kOhm, PCSA offsets included", TERNARY.readDescription(SHARP, Optional.of(pcsa)));
        String best = new CellTechnology.TwoTransistorTwoResistorTernary(TernaryReads.DEFAULT_ZERO_THRESHOLD)
                .readDescription(SHARP, Optional.empty());
        assertTrue(
                best.startsWith("2T2R ternary, zero threshold ")
                        && best.endsWith(" kOhm (best), offset-free comparator (no sense amplifier given)"),
                best);
    }

    /**
     * Sharp devices (8 kOhm and 180 kOhm exactly, threshold 18 kOhm), stuck at LRS 0.002, at HRS
     * 0.001, PCSA offsets of σ 0.022 (far below the margin ln 22.5 = 3.1, so only stuck devices err):
     * stored +1 misreads as 0 when BL is stuck HRS and BLb is not stuck LRS, as −1 when both are stuck
     * the wrong way or, half the time, when BLb is stuck LRS beside an intact BL (an LRS/LRS coin toss).
     * Stored 0 (HRS, HRS) misreads when either device is stuck LRS: one is read as its sign, both a coin toss.
     */
    @Test
    void theTernaryErrorRateCountsStuckDevicesByHand() {
        SenseAmpSpec pcsa = new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9);
        double plusWrong = 0.001 * 0.998 + 0.001 * 0.002 + 0.5 * 0.999 * 0.002;
        double zeroWrong = 1 - 0.998 * 0.998;
        double expected = (2 * plusWrong + zeroWrong) / 3;
        assertEquals(expected, TERNARY.bitErrorRate(SHARP, Optional.of(pcsa), STUCK), 1e-15);
        assertEquals(0.0, TERNARY.bitErrorRate(SHARP, Optional.of(pcsa), StuckAt.NONE));
        assertEquals(TERNARY.bitErrorRate(SHARP, Optional.of(pcsa), STUCK),
                ((CellTechnology.TwoTransistorTwoResistorTernary) TERNARY).confusion(SHARP, Optional.of(pcsa), STUCK).weightErrorRate());
    }
}
