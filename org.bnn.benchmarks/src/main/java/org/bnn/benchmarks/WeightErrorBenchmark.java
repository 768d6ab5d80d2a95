package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.Simulation;
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
 * (b) One inference of the reference network 784-1024-1024-1024-10 with errors resampled for
 * every inference, against the error-free inference (ber = 0) in the same run. The extra time
 * divided by the expected number of flips (ber × 2,910,208 weights) is the cost per flip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WeightErrorBenchmark {
    static final NetworkSpec REFERENCE = NetworkSpec.builder("Mlp", "pixels", 28, 28)
            .dense("fc1", 1024).dense("fc2", 1024).dense("fc3", 1024).output("out", 10).build();

    @Param({"0", "1e-5", "1e-4", "1e-3", "1e-2"})
    public double ber;

    private BinaryNetwork network;
    private BinaryNetwork.Scratch scratch;
    private WeightErrors errors;
    private long[] sizes;
    private long[][] inputs;
    private int next;

    @Setup
    public void setUp() {
        network = RandomNetworks.create(REFERENCE, 1);
        scratch = network.newScratch();
        errors = WeightErrors.uniform(Resampling.PER_INFERENCE, ber, network.weightLayerCount());
        sizes = Simulation.weightsPerLayer(network);
        inputs = RandomNetworks.inputs(network.inputSize(), 1024, 2);
    }

    @Benchmark
    public int perInferenceErrors() {
        int n = next++ & 1023;
        if (ber == 0) {
            return scratch.predict(inputs[n]);
        }
        return scratch.predictWithFlips(inputs[n], errors.flips(ErrorKeys.inference(3, 0, next), sizes));
    }
}
