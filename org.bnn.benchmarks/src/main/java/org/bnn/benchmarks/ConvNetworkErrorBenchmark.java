package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
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
 * (e) One inference of a small MNIST-sized CNN (28×28 → conv 32 → max pool → conv 64 → max pool →
 * dense 256 → 10) without errors and with weight errors drawn per inference or per read (a fresh
 * pattern for every output position of a conv), in the same run: the cost of per-read sampling.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConvNetworkErrorBenchmark {
    static final NetworkSpec CNN = NetworkSpec.builder("Cnn", "pixels", 28, 28)
            .conv("c1", 32, 3, 1, new Padding(1, -1)).pool("p1", PoolKind.MAX, 2, 2)
            .conv("c2", 64, 3, 1, new Padding(1, -1)).pool("p2", PoolKind.MAX, 2, 2)
            .dense("fc", 256).output("out", 10).build();

    @Param({"none", "perInference", "perRead"})
    public String mode;

    @Param({"1e-3"})
    public double ber;

    private BinaryNetwork network;
    private BinaryNetwork.Scratch scratch;
    private ErrorPatterns patterns;
    private long[][] inputs;
    private int next;

    @Setup
    public void setUp() {
        network = RandomNetworks.create(CNN, 1);
        scratch = network.newScratch();
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, ber, network.weightLayerCount());
        patterns = "perRead".equals(mode) ? ErrorPatterns.perRead(errors) : ErrorPatterns.of(errors);
        inputs = RandomNetworks.inputs(network, 256, 2);
    }

    @Benchmark
    public int inference() {
        int n = next++;
        long[] input = inputs[n & 255];
        if ("none".equals(mode)) {
            return scratch.predict(input);
        }
        if (patterns.isPerRead()) {
            return scratch.predictWithReadFlips(input, patterns.reads(network, 3, 0, n));
        }
        return scratch.predictWithFlips(input, patterns.inference(network, 3, 0, n));
    }
}
