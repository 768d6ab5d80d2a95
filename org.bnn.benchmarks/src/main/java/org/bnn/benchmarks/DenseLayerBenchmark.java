package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.NetworkSpec;
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
 * {@code Long.bitCount} loop a developer would write, measured in the same run.
 * One operation = fanIn × fanOut binary multiply-accumulates; divide to get MAC/s. The engine runs
 * the layer inside a network {@code size → size → 1 class}: the one-class output layer adds
 * 1/size of the work (0.1 % at 1024) and the argmax.
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

    private BinaryNetwork.Scratch scratch;
    private long[] weights;
    private long[] input;
    private int words;

    @Setup
    public void setUp() {
        BinaryNetwork network = RandomNetworks.create(NetworkSpec.builder("Dense", "in", size).dense("fc", size).output("out", 1).build(),
                1);
        weights = network.weights(0).packedRows();
        words = PackedBits.words(size);
        scratch = network.newScratch();
        input = RandomNetworks.inputs(size, 1, 2)[0];
    }

    @Benchmark
    public int engine() {
        return scratch.predict(input);
    }

    /**
     * The baseline: XNOR + popcount written out, with a sign threshold, no abstractions. It counts
     * the differing bits (P = N − popcount(w XOR x)), the fastest form of the plain loop, and sets the
     * output bit without a branch: about half the neurons of a random layer fire, so an {@code if}
     * would be mispredicted about half the time (measured here: ≈ 40 % slower), which would flatter the
     * ratio.
     */
    @Benchmark
    public long plainLoop() {
        long result = 0;
        int threshold = (size + 1) / 2;
        for (int k = 0; k < size; k++) {
            int differing = 0;
            int offset = k * words;
            for (int i = 0; i < words; i++) {
                differing += Long.bitCount(weights[offset + i] ^ input[i]);
            }
            // 1 iff size − differing ≥ threshold
            result += (long) ((size - differing - threshold) >>> 31 ^ 1) << (k & 63);
        }
        return result;
    }
}
