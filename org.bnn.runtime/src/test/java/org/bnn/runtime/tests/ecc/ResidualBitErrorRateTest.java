package org.bnn.runtime.tests.ecc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.bnn.runtime.ecc.Codeword;
import org.bnn.runtime.ecc.Secded7264;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The binomial approximation of the residual BER, against the real decoder. */
class ResidualBitErrorRateTest {
    private static final int N = Codeword.BITS;

    @Test
    void matchesTheBinomialSumAndPaperFacts() {
        for (double p : new double[] {1e-6, 1e-4, 1e-3, 1e-2, 8e-2, 0.5}) {
            double sum = 0;
            for (int i = 2; i <= N; i++) {
                sum += i * binomial(N, i) * Math.pow(p, i) * Math.pow(1 - p, N - i);
            }
            assertEquals(sum / N, Secded7264.residualBitErrorRate(p), 1e-12 * sum / N, "p = " + p);
        }
        // examples/lib/illustrative-hw.bnn: a raw BER of 1e-3 leaves ≈ 7e-5.
        assertEquals(6.86e-5, Secded7264.residualBitErrorRate(1e-3), 0.01e-5);
        assertEquals(0.0, Secded7264.residualBitErrorRate(0));
        assertEquals(1.0, Secded7264.residualBitErrorRate(1));
        assertEquals("Secded7264.residualBitErrorRate: rawBer must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Secded7264.residualBitErrorRate(1.5)).getMessage());
    }

    /**
     * Random independent raw errors through the real decoder. The approximation is exact for words
     * with at most two errors and ignores miscorrection of three or more, which adds at most one
     * wrong data bit per such word. So the decoder's data BER must lie in
     * [approximation − 3 se, approximation + P(≥3 errors)/64 + 3 se], where se is the standard
     * error of the measured rate, estimated from the per-word error counts (errors cluster in
     * words, so the plain binomial σ of bit errors would be too small).
     */
    @ParameterizedTest(name = "raw BER {0}")
    @ValueSource(doubles = {1e-3, 1e-2, 3e-2})
    void decoderStaysWithinTheMiscorrectionBoundOfTheApproximation(double rawBer) {
        double approximation = Secded7264.residualBitErrorRate(rawBer);
        int words = (int) Math.ceil(500 / (approximation * Secded7264.DATA_BITS)); // ≥ 500 expected data errors
        long key = KeyedRandom.key(7264, Double.doubleToLongBits(rawBer));
        int[] dataErrors = IntStream.range(0, words).parallel().map(word -> {
            long data = KeyedRandom.bits(key, word);
            Codeword received = Secded7264.encode(data);
            long errorKey = KeyedRandom.key(key, word);
            for (int position = 0; position < N; position++) {
                if (KeyedRandom.uniform(errorKey, position) < rawBer) {
                    received = received.flip(position);
                }
            }
            return Long.bitCount(Secded7264.decode(received).data() ^ data);
        }).toArray();
        double sum = 0;
        double squares = 0;
        for (int e : dataErrors) {
            sum += e;
            squares += (double) e * e;
        }
        double meanPerWord = sum / words;
        double se = Math.sqrt((squares / words - meanPerWord * meanPerWord) / words) / Secded7264.DATA_BITS;
        double measured = meanPerWord / Secded7264.DATA_BITS;
        double atLeastThree = 1 - Math.pow(1 - rawBer, N) - N * rawBer * Math.pow(1 - rawBer, N - 1)
                - binomial(N, 2) * rawBer * rawBer * Math.pow(1 - rawBer, N - 2);
        double upper = approximation + atLeastThree / Secded7264.DATA_BITS;
        String figures = String.format("raw %.0e: %d words, %.0f data errors, decoder %.4e ± %.1e, approximation %.4e, bound %.4e",
                rawBer, words, sum, measured, se, approximation, upper);
        System.out.println(figures);
        assertTrue(measured >= approximation - 3 * se && measured <= upper + 3 * se, figures);
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
