package org.bnn.dsl.ide.estimate;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.explore.ExplorationEffort;
import org.bnn.runtime.spec.NetworkSpec;

import com.google.inject.Singleton;

/**
 * The simulator's error-free speed on this machine, in binary multiply-accumulates per second: one
 * core's, measured once on first use by timing a random 784-1024-1024-10 network for about 0.2 s, times
 * the cores (a run spreads its tasks over all of them). An exploration's run-time estimate is then a
 * figure of this machine, not of another one.
 */
@Singleton
public class EngineSpeed {
    private static final long MEASURE_NANOS = 200_000_000L;

    private volatile double macsPerSecond;

    /** Binary MACs per second on all cores (measured on the first call, then kept). */
    public double macsPerSecond() {
        double known = macsPerSecond;
        if (known == 0) {
            synchronized (this) {
                if (macsPerSecond == 0) {
                    macsPerSecond = measure() * Runtime.getRuntime().availableProcessors();
                }
                known = macsPerSecond;
            }
        }
        return known;
    }

    private static double measure() {
        NetworkSpec spec = NetworkSpec.builder("Speed", "x", 784).dense("a", 1024).dense("b", 1024).output("out", 10).build();
        BinaryNetwork network = RandomNetworks.create(spec, 1);
        long[][] inputs = RandomNetworks.inputs(network, 64, 2);
        double macsPerInference = ExplorationEffort.macsPerInference(spec);
        BinaryNetwork.Scratch scratch = network.newScratch();
        long inferences = 0;
        long start = System.nanoTime();
        long elapsed;
        int sink = 0;
        do {
            for (long[] input : inputs) {
                sink += scratch.predict(input);
            }
            inferences += inputs.length;
            elapsed = System.nanoTime() - start;
        } while (elapsed < MEASURE_NANOS);
        if (sink == Integer.MIN_VALUE) {
            throw new AssertionError(); // keeps the predictions from being optimised away
        }
        return inferences * macsPerInference / (elapsed / 1e9);
    }
}
