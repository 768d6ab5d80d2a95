package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryDenseLayer;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.WeightMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (a) One error-free binary dense layer, the simulator's engine against the plain
 * {@code Long.bitCount(~(w ^ x))} loop a developer would write, measured in the same run.
 * One operation = fanIn × fanOut binary multiply-accumulates; divide to get MAC/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DenseLayerBenchmark {
    @Param({"1024"})
    public int size;

    private BinaryDenseLayer layer;
    private long[] weights;
    private long[] input;
    private long[] output;
    private int words;

    @Setup
    public void setUp() {
        weights = new long[size * PackedBits.words(size)];
        long[][] rows = RandomNetworks.inputs(size, size, 1);
        words = PackedBits.words(size);
        for (int k = 0; k < size; k++) {
            System.arraycopy(rows[k], 0, weights, k * words, words);
        }
        layer = BinaryDenseLayer.withSignActivation(new WeightMatrix(size, size, weights));
        input = RandomNetworks.inputs(size, 1, 2)[0];
        output = new long[PackedBits.words(size)];
    }

    @Benchmark
    public long engine() {
        layer.forward(input, output);
        return output[0];
    }

    /** The baseline: XNOR + popcount written out, with a sign threshold, no abstractions. */
    @Benchmark
    public long plainLoop() {
        long result = 0;
        int threshold = (size + 1) / 2;
        for (int k = 0; k < size; k++) {
            int matches = 0;
            int offset = k * words;
            for (int i = 0; i < words; i++) {
                matches += Long.bitCount(~(weights[offset + i] ^ input[i]));
            }
            if (matches >= threshold) {
                result += 1L << (k & 63);
            }
        }
        return result;
    }
}
