package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.Simulation;
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
 * Where (b)'s per-inference time goes, for the same network and error keys as
 * {@link WeightErrorBenchmark}: {@code draw} only draws one inference's flips
 * ({@code WeightErrors.flips} → {@code NestedFlips}, four layers), {@code applyAndInfer} only runs
 * one inference with flips drawn beforehand (the kernel, then one count correction per flip).
 * (b)'s time ≈ draw + applyAndInfer; applyAndInfer − error-free = the engine's cost of the flips.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FlipCostBenchmark {
    private static final int PATTERNS = 64;

    @Param({"1e-4", "1e-3", "1e-2"})
    public double ber;

    private BinaryNetwork.Scratch scratch;
    private WeightErrors errors;
    private long[] sizes;
    private long[][] inputs;
    private long[][][] drawn;
    private int next;

    @Setup
    public void setUp() {
        BinaryNetwork network = RandomNetworks.create(WeightErrorBenchmark.REFERENCE, 1);
        scratch = network.newScratch();
        errors = WeightErrors.uniform(Resampling.PER_INFERENCE, ber, network.weightLayerCount());
        sizes = Simulation.weightsPerLayer(network);
        inputs = RandomNetworks.inputs(network.inputSize(), 1024, 2);
        drawn = new long[PATTERNS][][];
        for (int i = 0; i < PATTERNS; i++) {
            drawn[i] = errors.flips(ErrorKeys.inference(3, 0, i + 1), sizes);
        }
    }

    @Benchmark
    public long[][] draw() {
        return errors.flips(ErrorKeys.inference(3, 0, ++next), sizes);
    }

    @Benchmark
    public int applyAndInfer() {
        int n = next++;
        return scratch.predictWithFlips(inputs[n & 1023], drawn[n & (PATTERNS - 1)]);
    }
}
