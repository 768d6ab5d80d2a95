package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;

/**
 * Counting events over index ranges, in parallel chunks. Each sample is a pure function of its
 * index, so the counts are the same whatever the number of threads.
 */
final class MonteCarlo {
    private static final long CHUNK = 1 << 16;

    /** Fills {@code counts[k]} += 1 for each event k that happens at sample {@code index}. */
    interface Sample {
        void tally(long index, long[] counts);
    }

    private MonteCarlo() {
    }

    /** Event counts over samples 0 .. samples−1, one counter per event kind. */
    static long[] tally(long samples, int eventKinds, Sample sample) {
        long chunks = (samples + CHUNK - 1) / CHUNK;
        return LongStream.range(0, chunks).parallel().mapToObj(chunk -> {
            long[] counts = new long[eventKinds];
            long end = Math.min(samples, (chunk + 1) * CHUNK);
            for (long i = chunk * CHUNK; i < end; i++) {
                sample.tally(i, counts);
            }
            return counts;
        }).reduce(new long[eventKinds], MonteCarlo::sum);
    }

    /** Samples needed for {@code expectedEvents} events of probability p. */
    static long samplesFor(double expectedEvents, double p) {
        return (long) Math.ceil(expectedEvents / p);
    }

    /**
     * Asserts that {@code events} among {@code samples} independent trials is within 3 binomial
     * standard deviations of samples·p, and prints the figures for the record.
     */
    static void assertBinomial(String what, long events, long samples, double p) {
        double mean = samples * p;
        double sd = Math.sqrt(samples * p * (1 - p));
        double deviation = (events - mean) / sd;
        String figures = String.format("%s: %d events in %d samples, expected %.1f ± %.1f (p = %.4e), %+.2f sd",
                what, events, samples, mean, sd, p, deviation);
        System.out.println(figures);
        assertTrue(Math.abs(deviation) <= 3, figures);
    }

    private static long[] sum(long[] a, long[] b) {
        long[] total = new long[a.length];
        for (int k = 0; k < a.length; k++) {
            total[k] = a[k] + b[k];
        }
        return total;
    }
}
