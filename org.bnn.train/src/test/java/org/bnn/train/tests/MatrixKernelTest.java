package org.bnn.train.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bnn.train.kernel.MatrixKernel;
import org.bnn.train.kernel.Workers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked kernel computes, bit for bit, the plain triple loop that sums k terms in ascending
 * order, at any thread count (shapes around the block sizes, zeros in A).
 */
class MatrixKernelTest {

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @CsvSource({"1,1,1", "7,13,5", "8,64,512", "9,100,513", "100,784,10", "33,20,1100", "17,1,300"})
    void equalsTheTripleLoopAtAnyThreadCount(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(m * 1_000_003L + k * 1009L + n);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        float[] expected = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                expected[i * n + j] = sum;
            }
        }
        for (int threads : new int[] {1, 3}) {
            float[] c = new float[m * n];
            java.util.Arrays.fill(c, Float.NaN); // overwritten, not accumulated
            try (Workers workers = new Workers(threads)) {
                new MatrixKernel(workers).multiply(a, b, c, m, k, n);
            }
            for (int i = 0; i < c.length; i++) {
                assertTrue(c[i] == expected[i], "element " + i + " with " + threads + " threads: " + c[i] + " != " + expected[i]);
            }
        }
    }
}
