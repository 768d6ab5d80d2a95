package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
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
 * (f) Whole conv networks ({@link ConvNetworks}), one image per operation on one thread: images per
 * second per core, error-free and with per-inference weight errors at {@code ber} (a fresh pattern
 * each inference, applied to a private copy of the conv layers' weights). G binary MAC/s per core =
 * score × {@link ConvNetworks#binaryMacs} (printed by the report): ≈ 2.0 M per Fashion image, ≈ 0.6 G
 * per CIFAR-size image.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConvNetworkBenchmark {
    @Param({"fashion", "cifar"})
    public String network;

    @Param({"none", "perInference"})
    public String errors;

    @Param({"1e-3"})
    public double ber;

    /** Inputs taken in turn. */
    private int next;
    private long[][] inputs;
    private BinaryNetwork net;
    private BinaryNetwork.Scratch scratch;
    private ErrorPatterns patterns;

    @Setup
    public void setUp() {
        net = RandomNetworks.create(ConvNetworks.named(network), 1);
        scratch = net.newScratch();
        patterns = ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_INFERENCE, ber, net.weightLayerCount()));
        double[][] real = RandomNetworks.realInputs(net.inputSize(), 64, 2);
        inputs = new long[real.length][];
        for (int n = 0; n < real.length; n++) {
            inputs[n] = net.encode(real[n]);
        }
    }

    @Benchmark
    public int image() {
        int n = next++;
        long[] input = inputs[n & 63];
        if ("none".equals(errors)) {
            return scratch.predict(input);
        }
        return scratch.predictWithFlips(input, patterns.inference(net, 3, 0, n));
    }
}
