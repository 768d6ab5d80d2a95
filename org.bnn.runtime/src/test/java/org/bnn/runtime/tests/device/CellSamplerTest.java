package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.testing.PaperFacts;
import org.junit.jupiter.api.Test;

/** The cell sampler: distributions, keying, and stuck-at faults. */
class CellSamplerTest {
    private static final long CHIP = KeyedRandom.key(77, 0);
    private static final RegimeSpec NOMINAL = PaperFacts.NOMINAL.regime();

    @Test
    void resistancesFollowTheRegimeDistributions() {
        CellSampler sampler = new CellSampler(NOMINAL, StuckAt.NONE);
        int n = 200_000;
        for (boolean low : new boolean[] {true, false}) {
            double mean = 0;
            double square = 0;
            for (long d = 0; d < n; d++) {
                double lnR = sampler.lnRDevice(CHIP, d, low);
                mean += lnR;
                square += lnR * lnR;
            }
            mean /= n;
            double sd = Math.sqrt(square / n - mean * mean);
            double sigma = low ? NOMINAL.lrs().sigma() : NOMINAL.hrs().sigma();
            double lnMedian = low ? NOMINAL.lrs().lnMedian() : NOMINAL.hrs().lnMedian();
            // Standard errors: sigma/√n for the mean, ≈ sigma/√(2n) for the sd; bounds at 4 of them.
            assertEquals(lnMedian, mean, 4 * sigma / Math.sqrt(n), "mean of ln R, low = " + low);
            assertEquals(sigma, sd, 4 * sigma / Math.sqrt(2.0 * n), "sd of ln R, low = " + low);
        }
    }

    @Test
    void twoTwoRPairHoldsTheWeightAsComplementaryStates() {
        CellSampler sampler = new CellSampler(PaperFacts.STRONG.regime(), StuckAt.NONE);
        // Device indices are distinct per cell and bit line, so the draws are the device draws.
        assertEquals(sampler.lnRDevice(CHIP, 14, true), sampler.lnR(CHIP, 7, false, true), 0.0);
        assertEquals(sampler.lnRDevice(CHIP, 15, false), sampler.lnR(CHIP, 7, true, true), 0.0);
        assertEquals(sampler.lnRDevice(CHIP, 14, false), sampler.lnR(CHIP, 7, false, false), 0.0);
        assertEquals(sampler.lnRDevice(CHIP, 15, true), sampler.lnR(CHIP, 7, true, false), 0.0);
        assertEquals(sampler.lnRDevice(CHIP, 7, true), sampler.lnROneTOneR(CHIP, 7, true), 0.0);
        assertNotEquals(sampler.lnR(CHIP, 7, false, true), sampler.lnR(KeyedRandom.key(77, 1), 7, false, true));
    }

    @Test
    void drawsArePureFunctionsOfKeyAndIndex() {
        CellSampler sampler = new CellSampler(NOMINAL, new StuckAt(0.01, 0.01));
        SenseAmpOffsets offsets = new SenseAmpOffsets(PaperFacts.SENSE_AMP);
        int n = 10_000;
        double[] forward = new double[n];
        for (int i = 0; i < n; i++) {
            forward[i] = sampler.lnR(CHIP, i, (i & 1) == 0, (i & 2) == 0) + offsets.offset(CHIP, i % 32, 5, i);
        }
        double[] backwardInParallel = new double[n];
        IntStream.range(0, n).map(i -> n - 1 - i).parallel().forEach(
                i -> backwardInParallel[i] = sampler.lnR(CHIP, i, (i & 1) == 0, (i & 2) == 0) + offsets.offset(CHIP, i % 32, 5, i));
        assertArrayEquals(forward, backwardInParallel, 0.0);

        TestChip chip = new TestChip(sampler, PaperFacts.SENSE_AMP, CHIP, 64);
        long sequential = 0;
        for (long cell = 0; cell < 300_000; cell++) {
            sequential += chip.misreadTwoTwoR(cell) ? 1 : 0;
        }
        long parallel = MonteCarlo.tally(300_000, 1, (cell, c) -> c[0] += chip.misreadTwoTwoR(cell) ? 1 : 0)[0];
        assertEquals(sequential, parallel);
    }

    @Test
    void senseAmpOffsetsHaveTheirSigmas() {
        SenseAmpOffsets offsets = new SenseAmpOffsets(PaperFacts.SENSE_AMP);
        int n = 100_000;
        double mismatchSquares = 0;
        double noiseSquares = 0;
        for (int i = 0; i < n; i++) {
            mismatchSquares += square(offsets.mismatch(CHIP, i));
            noiseSquares += square(offsets.noise(CHIP, i));
        }
        // The mean square of N(0, s²) has relative standard error √(2/n) ≈ 0.45 %; bound at 4 of them.
        assertEquals(0.02 * 0.02, mismatchSquares / n, 4 * Math.sqrt(2.0 / n) * 0.02 * 0.02);
        assertEquals(0.01 * 0.01, noiseSquares / n, 4 * Math.sqrt(2.0 / n) * 0.01 * 0.01);
        assertEquals(offsets.mismatch(CHIP, 3), offsets.mismatch(CHIP, 3), 0.0); // static per amplifier
        SenseAmpOffsets ideal = new SenseAmpOffsets(new SenseAmpSpec(0, 0, 25e-15, 2e-9));
        assertEquals(0.0, ideal.offset(CHIP, 3, 5, 9), 0.0);
    }

    /** A stuck device is in its stuck state whatever is programmed; the others follow the programming. */
    @Test
    void stuckDevicesIgnoreWhatIsProgrammed() {
        StuckAt stuckAt = new StuckAt(0.2, 0.1);
        CellSampler sampler = new CellSampler(NOMINAL, stuckAt);
        int n = 100_000;
        long stuckLow = 0;
        long stuckHigh = 0;
        for (long d = 0; d < n; d++) {
            boolean whenProgrammedLow = sampler.endsLow(CHIP, d, true);
            boolean whenProgrammedHigh = sampler.endsLow(CHIP, d, false);
            if (whenProgrammedLow == whenProgrammedHigh) { // stuck: same state either way, same resistance
                assertEquals(sampler.lnRDevice(CHIP, d, true), sampler.lnRDevice(CHIP, d, false), 0.0);
                stuckLow += whenProgrammedLow ? 1 : 0;
                stuckHigh += whenProgrammedLow ? 0 : 1;
            }
        }
        MonteCarlo.assertBinomial("devices stuck at LRS", stuckLow, n, 0.2);
        MonteCarlo.assertBinomial("devices stuck at HRS", stuckHigh, n, 0.1);
    }

    /** Every device stuck in one state: LRS/LRS or HRS/HRS pairs, which the PCSA reads as a coin toss. */
    @Test
    void stuckPairsReadFiftyFiftyAcrossAmplifiers() {
        for (StuckAt stuckAt : new StuckAt[] {new StuckAt(1, 0), new StuckAt(0, 1)}) {
            TestChip chip = new TestChip(new CellSampler(NOMINAL, stuckAt), PaperFacts.SENSE_AMP, CHIP, 1024);
            int cells = 100_000;
            long readPlusOne = MonteCarlo.tally(cells, 1, (cell, c) -> c[0] += chip.readTwoTwoR(cell) ? 1 : 0)[0];
            MonteCarlo.assertBinomial("+1 reads of pairs " + stuckAt, readPlusOne, cells, 0.5);
        }
    }

    @Test
    void stuckAtFaultsRaiseTheBerAsPredicted() {
        StuckAt stuckAt = new StuckAt(0.01, 0.02);
        CellSampler sampler = new CellSampler(NOMINAL, stuckAt);
        TestChip chip = new TestChip(sampler, PaperFacts.SENSE_AMP, KeyedRandom.key(78, 0), 1024);
        int cells = 400_000;
        double twoT = BitErrorRates.twoTwoR(NOMINAL, PaperFacts.SENSE_AMP, stuckAt);
        long twoTErrors = MonteCarlo.tally(cells, 1, (cell, c) -> c[0] += chip.misreadTwoTwoR(cell) ? 1 : 0)[0];
        MonteCarlo.assertBinomial("nominal 2T2R with " + stuckAt, twoTErrors, cells, twoT);

        double reference = BitErrorRates.bestReferenceOhms(NOMINAL);
        double oneT = BitErrorRates.oneTOneR(NOMINAL, reference, stuckAt);
        double lnReference = Math.log(reference);
        long oneTErrors = MonteCarlo.tally(cells, 1,
                (cell, c) -> c[0] += chip.misreadOneTOneR(cell, lnReference) ? 1 : 0)[0];
        MonteCarlo.assertBinomial("nominal 1T1R with " + stuckAt, oneTErrors, cells, oneT);
        assertTrue(twoT > BitErrorRates.twoTwoR(NOMINAL, PaperFacts.SENSE_AMP));
    }

    private static double square(double x) {
        return x * x;
    }
}
