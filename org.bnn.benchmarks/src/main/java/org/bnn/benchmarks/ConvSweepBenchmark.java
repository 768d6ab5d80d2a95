package org.bnn.benchmarks;

import org.bnn.runtime.spec.NetworkSpec;

/**
 * (g) The Fashion-MNIST conv sweep: {@link SweepBenchmark}'s sweep (the same BER points, trials,
 * per-chip errors, one thread per available processor, the same timing) through the shape of
 * examples/fashion-mnist/fashion.bnn ({@link ConvNetworks#FASHION}) with random ±1 weights, on random
 * real inputs of 28×28 values quantised to 8 bit-serial planes. Its peer is the PyTorch float32 script
 * {@code python/peer_conv_sweep.py}. {@code -Dbnn.bench.sweepStats} names the file for the sanity statistic.
 * JMH's annotations (single shot, no warm-up, the heap) are inherited.
 */
public class ConvSweepBenchmark extends SweepBenchmark {
    @Override
    NetworkSpec spec() {
        return ConvNetworks.FASHION;
    }
}
