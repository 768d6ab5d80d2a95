package org.bnn.runtime.tests.device;

import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.CellSampler;
import org.bnn.runtime.device.Pcsa;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.testing.PaperFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sampled cells against the analytic bit error rates, for every preset: the error count must be
 * within 3 binomial standard deviations of its expectation, with at least 100 expected errors
 * (and at least a million cells). The strong regime (BER 1e-6) needs 1e8 cells; offset-free and
 * PCSA reads share the same resistances to halve that cost.
 */
class DeviceMonteCarloTest {
    private static final long SEED = 20240917L;
    private static final double EXPECTED_ERRORS = 100;
    private static final long MIN_CELLS = 1_000_000;
    private static final int AMPLIFIERS = 1024;
    /**
     * Noise cannot flip a read whose margin exceeds 12 σ_noise (probability 4e-33 for a normal;
     * none at all for KeyedRandom's Box–Muller values, bounded by √(−2 ln 2⁻⁵³) &lt; 8.6), so the
     * noise is drawn only within that reach: the same counts, a third less work for 1e8 cells.
     */
    private static final double NOISE_REACH = 12 * PaperFacts.SENSE_AMP.noiseSigma();

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.bnn.runtime.testing.PaperFacts#rows")
    void twoTwoRCellsErrAsPredicted(PaperFacts.Row row) {
        RegimeSpec regime = row.regime();
        double offsetFree = BitErrorRates.twoTwoR(regime);
        double withPcsa = BitErrorRates.twoTwoR(regime, PaperFacts.SENSE_AMP);
        TestChip chip = new TestChip(new CellSampler(regime, StuckAt.NONE), PaperFacts.SENSE_AMP,
                KeyedRandom.key(SEED, PaperFacts.ROWS.indexOf(row)), AMPLIFIERS);
        long cells = Math.max(MIN_CELLS, MonteCarlo.samplesFor(EXPECTED_ERRORS, offsetFree));
        long[] errors = MonteCarlo.tally(cells, 2, (cell, counts) -> {
            boolean weight = chip.weight(cell);
            double lnBl = chip.lnR(cell, false, weight);
            double lnBlb = chip.lnR(cell, true, weight);
            counts[0] += Pcsa.weightRead(lnBl, lnBlb, 0) != weight ? 1 : 0;
            double margin = lnBlb - lnBl + chip.mismatch(cell);
            double noise = Math.abs(margin) > NOISE_REACH ? 0 : chip.noise(cell);
            counts[1] += Pcsa.weightRead(lnBl, lnBlb, chip.mismatch(cell) + noise) != weight ? 1 : 0;
        });
        MonteCarlo.assertBinomial(row + " 2T2R without offsets", errors[0], cells, offsetFree);
        MonteCarlo.assertBinomial(row + " 2T2R with PCSA mismatch and noise", errors[1], cells, withPcsa);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.bnn.runtime.testing.PaperFacts#rows")
    void oneTOneRCellsAtTheBestReferenceErrAsPredicted(PaperFacts.Row row) {
        RegimeSpec regime = row.regime();
        double reference = BitErrorRates.bestReferenceOhms(regime);
        double ber = BitErrorRates.oneTOneR(regime, reference);
        double lnReference = Math.log(reference);
        TestChip chip = new TestChip(new CellSampler(regime, StuckAt.NONE), PaperFacts.SENSE_AMP,
                KeyedRandom.key(SEED + 1, PaperFacts.ROWS.indexOf(row)), AMPLIFIERS);
        long cells = Math.max(MIN_CELLS, MonteCarlo.samplesFor(EXPECTED_ERRORS, ber));
        long errors = MonteCarlo.tally(cells, 1,
                (cell, counts) -> counts[0] += chip.misreadOneTOneR(cell, lnReference) ? 1 : 0)[0];
        MonteCarlo.assertBinomial(row + " 1T1R at " + Math.round(reference) + " ohms", errors, cells, ber);
    }
}
