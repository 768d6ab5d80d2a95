package org.bnn.runtime.tests.deviceerrors;

import java.util.List;

import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.tests.engine.TestSpecs;

/** Small networks with odd sizes (partial words, partial tiles), and random weight matrices. */
final class TestNetworks {
    private TestNetworks() {
    }

    // The engine tests' networks: odd sizes, every layer kind.
    static NetworkSpec dense() {
        return TestSpecs.dense();
    }

    static NetworkSpec convPaddingStride() {
        return TestSpecs.convPaddingStride();
    }

    static NetworkSpec convMaxPool() {
        return TestSpecs.convMaxPool();
    }

    static NetworkSpec bitSerialConvAveragePool() {
        return TestSpecs.bitSerialConvAveragePool();
    }

    static List<NetworkSpec> all() {
        return List.of(dense(), convPaddingStride(), convMaxPool(), bitSerialConvAveragePool());
    }

    /** A matrix of uniformly random ±1 weights, a pure function of {@code seed}. */
    static WeightMatrix randomWeights(int fanIn, int rows, long seed) {
        double[] values = new double[fanIn * rows];
        for (int i = 0; i < values.length; i++) {
            values[i] = (KeyedRandom.bits(seed, i) & 1) != 0 ? 1 : -1;
        }
        return WeightMatrix.fromSigns(fanIn, rows, values);
    }
}
