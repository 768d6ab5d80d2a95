package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad parameters and inputs are rejected with a message naming the layer or field and the value. */
class ParameterValidationTest {
    private static final double[] ONE = {1};

    private static String message(Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }

    @Test
    void batchNormFieldsAreChecked() {
        assertEquals("BatchNorm.gamma[1] must be finite, got NaN",
                message(() -> new BatchNorm(new double[] {1, Double.NaN}, new double[2], new double[2], new double[] {1, 1}, 0)));
        assertEquals("BatchNorm.mean[0] must be finite, got Infinity",
                message(() -> new BatchNorm(ONE, ONE, new double[] {Double.POSITIVE_INFINITY}, ONE, 0)));
        assertEquals("BatchNorm.variance[0] must be non-negative, got -0.5",
                message(() -> new BatchNorm(ONE, ONE, ONE, new double[] {-0.5}, 0)));
        assertEquals("BatchNorm.variance[0] + epsilon must be positive and finite, got 0.0 + 0.0",
                message(() -> new BatchNorm(ONE, ONE, ONE, new double[] {0}, 0)));
        assertEquals("BatchNorm.epsilon must be finite and non-negative, got -1.0E-5",
                message(() -> new BatchNorm(ONE, ONE, ONE, ONE, -1e-5)));
        assertEquals("BatchNorm.epsilon must be finite and non-negative, got NaN",
                message(() -> new BatchNorm(ONE, ONE, ONE, ONE, Double.NaN)));
        assertEquals("BatchNorm.beta has 2 values, gamma has 1", message(() -> new BatchNorm(ONE, new double[2], ONE, ONE, 0)));
        assertEquals("BatchNorm.variance is required, got null", message(() -> new BatchNorm(ONE, ONE, ONE, null, 0)));
    }

    @Test
    void layerParametersAreChecked() {
        WeightMatrix weights = WeightMatrix.fromSigns(3, 2, new double[6]);
        assertEquals("LayerParameters(fc).batchNorm has 3 neurons, weights have 2 rows",
                message(() -> new LayerParameters("fc", weights, BatchNorm.identity(3))));
        assertEquals("LayerParameters.layer must be a non-empty name, got \"\"",
                message(() -> new LayerParameters("", weights, BatchNorm.identity(2))));
        assertEquals("LayerParameters(fc).weights is required, got null",
                message(() -> new LayerParameters("fc", null, BatchNorm.identity(2))));
        assertEquals("weight (1, 0) is NaN", message(() -> WeightMatrix.fromSigns(2, 2, new double[] {1, 1, Double.NaN, 1})));
        assertEquals("weights must hold 2 x 2 values, got 3", message(() -> WeightMatrix.fromSigns(2, 2, new double[3])));
        assertEquals("NetworkParameters has two entries for layer fc",
                message(() -> NetworkParameters.of(LayerParameters.signOnly("fc", weights), LayerParameters.signOnly("fc", weights))));
    }

    @Test
    void parametersMustMatchTheSpec() {
        NetworkSpec spec = NetworkSpec.builder("N", "in", 10).dense("fc", 4).output("out", 2).build();
        NetworkParameters good = RandomNetworks.parameters(spec, 1);
        LayerParameters fc = good.layer("fc").orElseThrow();
        LayerParameters out = good.layer("out").orElseThrow();
        assertEquals("parameters of layer out are missing", message(() -> BinaryNetwork.create(spec, NetworkParameters.of(fc))));
        assertEquals("layer fc: weights are 4 x 9 (neurons x fan-in), the network needs 4 x 10", message(() -> BinaryNetwork.create(spec,
                NetworkParameters.of(LayerParameters.signOnly("fc", WeightMatrix.fromSigns(9, 4, new double[36])), out))));
        List<LayerParameters> extra = new ArrayList<>(good.layers());
        extra.add(LayerParameters.signOnly("fc9", fc.weights()));
        assertEquals("parameters are given for layer fc9, but network N has no layer with weights of that name",
                message(() -> BinaryNetwork.create(spec, new NetworkParameters(extra))));
    }

    @Test
    void inputsAreChecked() {
        NetworkSpec spec = NetworkSpec.builder("N", "in", 70).output("out", 2).build();
        BinaryNetwork network = RandomNetworks.create(spec, 1);
        double[] x = new double[70];
        x[12] = 1.5;
        assertEquals("input[12] must be in [0, 1], got 1.5", message(() -> network.encode(x)));
        x[12] = Double.NaN;
        assertEquals("input[12] must be in [0, 1], got NaN", message(() -> network.encode(x)));
        assertEquals("an input has 70 values, got 3", message(() -> network.encode(new float[3])));
        assertEquals("an encoded input has 2 words (1 planes of 70 bits), got 1", message(() -> network.predict(new long[1])));
        assertEquals("input plane 0 has bits set past its 70 values", message(() -> network.predict(new long[] {0, 1L << 6})));
        assertEquals("need flips for 1 layers with weights, got 2",
                message(() -> network.newScratch().predictWithFlips(new long[2], new long[2][0])));
    }
}
