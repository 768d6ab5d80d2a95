package org.bnn.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bnn.runtime.spec.NetworkSpec;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (g) The Fashion-MNIST conv sweep: {@link SweepBenchmark}'s sweep (the same BER points, trials,
 * per-chip errors, one thread per available processor, the same timing) through the shape of
 * examples/fashion-mnist/fashion.bnn ({@link ConvNetworks#FASHION}) with random ±1 weights, on random
 * real inputs of 28×28 values quantised to 8 bit-serial planes. Its peer is the PyTorch float32 script
 * {@code python/peer_conv_sweep.py}. {@code -Dbnn.bench.sweepStats} names the file for the sanity statistic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class ConvSweepBenchmark extends SweepBenchmark {
    @Override
    NetworkSpec spec() {
        return ConvNetworks.FASHION;
    }
}
