package org.bnn.fuzz;

import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * How long a fuzzing property runs, and what becomes of its failures. In the normal test suite: a
 * fixed number of cases from a fixed seed, case i drawn from {@code new Random(seed + i)}, so that CI
 * is deterministic and every case can be drawn again alone ({@code -Dbnn.fuzz.tries=N} and
 * {@code -Dbnn.fuzz.seed=S} change both); the first failing case is minimised and fails the test
 * with its seed. In a campaign ({@code -Dbnn.fuzz.minutes=M}): cases with random seeds for the
 * property's share of M minutes; each new failure goes to the campaign and its corpus.
 */
final class FuzzBudget {
    /** The seed of the normal test suite. */
    static final long SEED = 20261205L;

    private FuzzBudget() {
    }

    /**
     * Runs one property: draws samples (their {@code toString} describes a case), turns each into an
     * input and holds it to every promise of the pipeline.
     *
     * @param property the property's name, for messages and the campaign's figures
     * @param tries    cases in the normal test suite
     * @param share    the share of a campaign's minutes this property gets
     */
    static <T> void run(String property, int tries, double share, Function<Random, T> draw, Function<T, FuzzInput> input) {
        if (Campaign.minutes().isPresent()) {
            campaign(property, Campaign.minutes().get() * share, draw, input);
            return;
        }
        long seed = Long.getLong("bnn.fuzz.seed", SEED);
        int cases = Integer.getInteger("bnn.fuzz.tries", tries);
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            T sample = draw.apply(new Random(caseSeed));
            FuzzInput in = input.apply(sample);
            try {
                Campaign.check(in);
            } catch (AssertionError e) {
                throw failed(property, caseSeed, sample, in, e);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d cases from seed %d kept every promise (%.1f s); so far in this JVM, %s%n", property,
                cases, seed, (System.nanoTime() - start) / 1e9, Campaign.casesPerStage());
    }

    /** The failure of a case with what it takes to draw it again, and its input minimised. */
    private static AssertionError failed(String property, long caseSeed, Object sample, FuzzInput input, AssertionError failure) {
        Verdict again = Pipeline.shared().check(input);
        String minimised = again.passed()
                ? "(not minimised: the case passed when checked again)"
                : Campaign.minimise(input, again.failures().get(0)).text();
        return new AssertionError(property + " fails on the case of seed " + caseSeed + " (draw it alone: -Dbnn.fuzz.seed=" + caseSeed
                + " -Dbnn.fuzz.tries=1)\ncase: " + sample + "\n\n" + failure.getMessage() + "\n\nminimised, failing the same way:\n"
                + minimised, failure);
    }

    /**
     * Cases with random seeds for {@code minutes}: a failure already known is counted and passed
     * over (see {@link Campaign#check}), a new one is minimised into the corpus; the figures are
     * written at the end, also when the harness itself failed.
     */
    private static <T> void campaign(String property, double minutes, Function<Random, T> draw, Function<T, FuzzInput> input) {
        Campaign.rememberCorpus();
        long budget = (long) (minutes * 60_000);
        long start = System.currentTimeMillis();
        Random seeds = new Random();
        int found = 0;
        Campaign.until(start + budget);
        try {
            while (System.currentTimeMillis() - start < budget) {
                FuzzInput in = input.apply(draw.apply(new Random(seeds.nextLong())));
                try {
                    Campaign.check(in);
                } catch (AssertionError e) {
                    Campaign.found(in);
                    found++;
                }
            }
        } finally {
            Campaign.until(Long.MAX_VALUE);
            Campaign.spent(property, (System.currentTimeMillis() - start) / 60_000.0);
            System.out.println("fuzz campaign:\n" + Campaign.writeSummary());
        }
        if (found > 0) {
            throw new AssertionError(property + ": " + found + " new failures, written to the corpus (see " + Campaign.SUMMARY + ")");
        }
    }
}
