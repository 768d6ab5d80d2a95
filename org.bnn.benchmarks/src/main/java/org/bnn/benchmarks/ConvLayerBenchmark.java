package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
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
 * (d) One error-free binary 3×3 conv layer, padding 1 (value −1), stride 1, on a 16 × 16 map,
 * {@code channels} = "C_in x C_out", against the bare XNOR-popcount loop over patches unrolled
 * beforehand (the kernel's limit: no unrolling, no padding), in the same run. One operation =
 * 256 positions × 9·C_in × C_out binary multiply-accumulates. The engine runs the layer inside a
 * network ending in a one-class output layer (1/(9·C_in) of the layer's work).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConvLayerBenchmark {
    private static final int SIZE = 16;

    @Param({"1x32", "32x32", "64x64", "128x128", "256x256"})
    public String channels;

    private int in;
    private int out;

    private BinaryNetwork.Scratch scratch;
    private long[] input;
    private long[] weights;
    private long[] patches;
    private int patchWords;

    @Setup
    public void setUp() {
        in = Integer.parseInt(channels.substring(0, channels.indexOf('x')));
        out = Integer.parseInt(channels.substring(channels.indexOf('x') + 1));
        NetworkSpec spec = NetworkSpec.builder("Conv", "in", SIZE, SIZE, in)
                .conv("c", out, 3, 1, new Padding(1, -1)).output("out", 1).build();
        BinaryNetwork network = RandomNetworks.create(spec, 1);
        scratch = network.newScratch();
        input = RandomNetworks.inputs(network, 1, 2)[0];
        weights = network.weights(0).packedRows();
        patchWords = PackedBits.words(9 * in);
        patches = unrolledPatches();
    }

    private long[] unrolledPatches() {
        long[][] rows = RandomNetworks.inputs(9 * in, SIZE * SIZE, 3);
        long[] all = new long[SIZE * SIZE * patchWords];
        for (int p = 0; p < rows.length; p++) {
            System.arraycopy(rows[p], 0, all, p * patchWords, patchWords);
        }
        return all;
    }

    @Benchmark
    public int engine() {
        return scratch.predict(input);
    }

    /** The limit: popcount of every pre-unrolled patch with every row, a sign threshold, bits set. */
    @Benchmark
    public long kernelOnly() {
        long result = 0;
        int fanIn = 9 * in;
        int threshold = (fanIn + 1) / 2;
        for (int p = 0; p < SIZE * SIZE; p++) {
            int patch = p * patchWords;
            for (int k = 0; k < out; k++) {
                int matches = 0;
                int row = k * patchWords;
                for (int i = 0; i < patchWords; i++) {
                    matches += Long.bitCount(~(weights[row + i] ^ patches[patch + i]));
                }
                matches -= patchWords * Long.SIZE - fanIn;
                if (matches >= threshold) {
                    result += 1L << (k & 63);
                }
            }
        }
        return result;
    }
}
