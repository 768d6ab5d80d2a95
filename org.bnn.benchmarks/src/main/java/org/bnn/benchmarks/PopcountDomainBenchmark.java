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
 * (b) in the popcount-domain mode: one inference of the reference network with per-inference
 * errors drawn as count changes (two binomial draws per neuron), beside the same inference with
 * exact flip patterns, in one run. Not bit-identical to the exact mode (exact in distribution).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PopcountDomainBenchmark {

    @Param({"1e-4", "1e-3", "1e-2", "1e-1"})
    public double ber;

    private BinaryNetwork network;
    private BinaryNetwork.Scratch scratch;
    private ErrorPatterns exact;
    private ErrorPatterns popcountDomain;
    private long[][] inputs;
    private int next;

    @Setup
    public void setUp() {
        network = RandomNetworks.create(WeightErrorBenchmark.REFERENCE, 1);
        scratch = network.newScratch();
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, ber, network.weightLayerCount());
        exact = ErrorPatterns.of(errors);
        popcountDomain = ErrorPatterns.popcountDomain(errors);
        inputs = RandomNetworks.inputs(network.inputSize(), 1024, 2);
    }

    @Benchmark
    public int exactPatterns() {
        int n = next++;
        return scratch.predictWithFlips(inputs[n & 1023], exact.inference(network, 3, 0, n));
    }

    @Benchmark
    public int popcountDomain() {
        int n = next++;
        return scratch.predictWithCountErrors(inputs[n & 1023], popcountDomain.inference(network, 3, 0, n),
                popcountDomain.counts(network, 3, 0, n));
    }
}
