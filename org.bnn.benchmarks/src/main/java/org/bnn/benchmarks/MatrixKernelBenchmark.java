package org.bnn.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bnn.train.kernel.MatrixKernel;
import org.bnn.train.kernel.Workers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trainer's float matrix product C[m×n] = A[m×k]·B[k×n] at the MLP's shape (a batch of 100
 * rows through a 1024 × 1024 layer), the blocked kernel at 1 and 2 threads against the naive triple
 * loop a developer would write, measured in the same run. One operation = one product =
 * 2·m·k·n floating-point operations: GFLOP/s = ops/s × 2·m·k·n / 1e9 (for 100 × 1024 × 1024,
 * 0.2097 GFLOP per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatrixKernelBenchmark {
    @Param({"100"})
    public int m;
    @Param({"1024"})
    public int k;
    @Param({"1024"})
    public int n;

    private float[] a;
    private float[] b;
    private float[] c;
    private Workers one;
    private Workers two;
    private MatrixKernel kernel1;
    private MatrixKernel kernel2;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextBoolean() ? 1f : -1f; // ±1 weights, as in training
        }
        one = new Workers(1);
        two = new Workers(2);
        kernel1 = new MatrixKernel(one);
        kernel2 = new MatrixKernel(two);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        one.close();
        two.close();
    }

    @Benchmark
    public float[] blocked1Thread() {
        kernel1.multiply(a, b, c, m, k, n);
        return c;
    }

    @Benchmark
    public float[] blocked2Threads() {
        kernel2.multiply(a, b, c, m, k, n);
        return c;
    }

    /** The baseline: the textbook i-j-p loop, one dot product per element of C, one thread. */
    @Benchmark
    public float[] naiveTripleLoop() {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
        return c;
    }
}
