package org.bnn.runtime.tests.deviceerrors;

import java.util.List;

import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;

/** Small networks with odd sizes (partial words, partial tiles), and random weight matrices. */
final class TestNetworks {
    private TestNetworks() {
    }

    static NetworkSpec dense() {
        return NetworkSpec.builder("Dense", "in", 13, 11).dense("fc1", 97).dense("fc2", 70).output("out", 10).build();
    }

    static NetworkSpec convPaddingStride() {
        return NetworkSpec.builder("ConvPad", "img", 9, 9, 3)
                .conv("c1", 8, 3, 2, new Padding(1, 1))
                .conv("c2", 70, 2, 1, new Padding(2, -1))
                .dense("fc", 20).output("out", 4).build();
    }

    static NetworkSpec convMaxPool() {
        return NetworkSpec.builder("ConvMax", "img", 12, 12, 2)
                .conv("c1", 16, 3, 1, Padding.VALID)
                .pool("p1", PoolKind.MAX, 2, 2)
                .conv("c2", 67, 3, 1, new Padding(1, -1))
                .pool("p2", PoolKind.MAX, 3, 2)
                .output("out", 5).build();
    }

    static NetworkSpec bitSerialConvAveragePool() {
        return NetworkSpec.builder("SerialAvg", new InputSpec("px", new Shape(7, 7, 1), new InputEncoding.BitSerial(3)))
                .conv("c1", 5, 3, 2, new Padding(1, 1))
                .pool("p1", PoolKind.AVG, 2, 2)
                .output("out", 3).build();
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
