package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.bnn.runtime.testing.PaperFacts;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryCellSampler;
import org.bnn.runtime.device.TernaryConfusion;
import org.bnn.runtime.device.TernaryPcsa;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sampled ternary reads against the analytic confusion matrix, every entry, for every preset
 * regime, without and with stuck-at faults, without and with PCSA offsets, at the {@code best}
 * zero threshold and at 20 kOhm and 60 kOhm. A million cells per regime and fault setting, stored
 * values −1, 0, +1 in turn (333,333 or 333,334 of each); every cell is read six ways (two offsets ×
 * three thresholds) from the same resistances. Each cell has its own amplifier (mismatch keyed by
 * the cell), so the reads are independent and each count is binomial.
 *
 * <p>The criterion is 3 binomial standard deviations for the test as a whole: with 540 entries,
 * each at 3σ, about 1.5 of them would fall outside by chance alone (0.27 % of 540), so a change of
 * the random draws alone could fail it. Each entry is therefore held to the Bonferroni bound that
 * gives the 540 together the false-alarm rate of one 3σ check: a two-sided tail of 0.27 %/540,
 * 4.56σ. Where the expected count of the rarer outcome is below 10 the normal approximation fails
 * (one event at p = 1e-7 would be 5 "σ" away), so there the exact Poisson tails must each exceed
 * 0.135 %/540. A bias of 5 % of an entry of 2.7 % still fails it (4.8σ at 333,333 cells). The seed
 * is fixed, so the test is deterministic.
 */
class TernaryMonteCarloTest {
    private static final long SEED = 20260715L;
    private static final long CELLS = 1_000_000;
    private static final StuckAt STUCK = new StuckAt(0.005, 0.01);
    private static final List<ReadReference> THRESHOLDS = List.of(new ReadReference.Best(), new ReadReference.Fixed(20e3),
            new ReadReference.Fixed(60e3));
    private static final List<Optional<SenseAmpSpec>> SENSES = List.of(Optional.empty(), Optional.of(PaperFacts.SENSE_AMP));
    private static final int ENTRIES = 540;
    /** Φ⁻¹(1 − 0.00135/540), by Python's statistics.NormalDist().inv_cdf. */
    private static final double SIGMAS = 4.564787730279509;
    private static final double ONE_SIDED_TAIL = 0.00135 / ENTRIES;
    private static final double NORMAL_ENOUGH = 10;

    static Stream<Arguments> cases() {
        return PaperFacts.ROWS.stream().flatMap(row -> Stream.of(Arguments.of(row, StuckAt.NONE), Arguments.of(row, STUCK)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void sampledReadsMatchTheAnalyticConfusion(PaperFacts.Row row, StuckAt stuckAt) {
        RegimeSpec regime = row.regime();
        long chip = KeyedRandom.key(KeyedRandom.key(SEED, PaperFacts.ROWS.indexOf(row)), stuckAt == StuckAt.NONE ? 0 : 1);
        long readKey = KeyedRandom.key(chip, 1);
        TernaryCellSampler cells = new TernaryCellSampler(regime, stuckAt);
        SenseAmpOffsets offsets = new SenseAmpOffsets(PaperFacts.SENSE_AMP);
        double[] lnThresholds = THRESHOLDS.stream().mapToDouble(t -> Math.log(t.ohms(regime))).toArray();
        long[] counts = MonteCarlo.tally(CELLS, SENSES.size() * THRESHOLDS.size() * 9, (cell, tally) -> {
            int stored = (int) (cell % 3) - 1;
            double bl = cells.lnR(chip, cell, false, stored);
            double blb = cells.lnR(chip, cell, true, stored);
            double offset = offsets.offset(chip, cell, readKey, cell);
            for (int s = 0; s < SENSES.size(); s++) {
                for (int k = 0; k < lnThresholds.length; k++) {
                    int read = TernaryPcsa.weightRead(bl, blb, lnThresholds[k], SENSES.get(s).isPresent() ? offset : 0);
                    tally[index(s, k, stored, read)]++;
                }
            }
        });
        List<String> failures = new ArrayList<>();
        for (int s = 0; s < SENSES.size(); s++) {
            for (int k = 0; k < THRESHOLDS.size(); k++) {
                TernaryConfusion analytic = TernaryReads.confusion(regime, SENSES.get(s), stuckAt, THRESHOLDS.get(k));
                String setting = String.format(Locale.ROOT, "%s, stuck %s, %s, T = %.0f ohms", row, stuckAt == StuckAt.NONE ? "no" : "yes",
                        SENSES.get(s).isPresent() ? "PCSA" : "no offset", THRESHOLDS.get(k).ohms(regime));
                for (int stored = -1; stored <= 1; stored++) {
                    long n = (CELLS + 1 - stored) / 3; // cells c with c % 3 == stored + 1
                    for (int read = -1; read <= 1; read++) {
                        String entry = String.format(Locale.ROOT, "%s: %+d reads %+d", setting, stored, read);
                        check(entry, counts[index(s, k, stored, read)], n, analytic.probability(stored, read), failures);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static int index(int sense, int threshold, int stored, int read) {
        return ((sense * THRESHOLDS.size() + threshold) * 3 + stored + 1) * 3 + read + 1;
    }

    /** Records a failure unless {@code events} of {@code n} is as likely as the 3σ criterion allows under p; prints the figures. */
    private static void check(String entry, long events, long n, double p, List<String> failures) {
        boolean rareIsEvent = p <= 0.5;
        double q = rareIsEvent ? p : 1 - p;
        long rare = rareIsEvent ? events : n - events;
        double mean = n * q;
        String figures;
        boolean ok;
        if (mean >= NORMAL_ENOUGH) {
            double sd = Math.sqrt(n * q * (1 - q));
            double deviation = (rare - mean) / sd * (rareIsEvent ? 1 : -1);
            ok = Math.abs(deviation) <= SIGMAS;
            figures = String.format(Locale.ROOT, "%s: %d of %d, MC %.4e ± %.1e, analytic %.4e, %+.2f sd", entry, events, n,
                    (double) events / n, sd / n, p, deviation);
        } else {
            double below = poissonAtMost(rare, mean);
            double above = rare == 0 ? 1 : 1 - poissonAtMost(rare - 1, mean);
            ok = below >= ONE_SIDED_TAIL && above >= ONE_SIDED_TAIL;
            figures = String.format(Locale.ROOT,
                    "%s: %d of %d, analytic %.4e (rare outcome expected %.3g times, Poisson tails %.3g / %.3g)",
                    entry, events, n, p, mean, below, above);
        }
        System.out.println(figures);
        if (!ok) {
            failures.add(figures);
        }
    }

    /** P(K ≤ k) for K ~ Poisson(mean), by the terms' recurrence (mean below 10 here). */
    private static double poissonAtMost(long k, double mean) {
        double term = Math.exp(-mean);
        double sum = term;
        for (long j = 1; j <= k; j++) {
            term *= mean / j;
            sum += term;
        }
        return Math.min(1, sum);
    }
}
