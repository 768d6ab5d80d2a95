package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.InputEncoder;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bit-serial first layer (docs/architecture.md §3) against the floating-point dot product with the centred input. */
class BitSerialTest {

    private static NetworkSpec serial(int bits, int size, int hidden, int classes) {
        NetworkSpec.Builder builder = NetworkSpec.builder("S", new InputSpec("px", Shape.flat(size), new InputEncoding.BitSerial(bits)));
        if (hidden > 0) {
            builder.dense("fc", hidden);
        }
        return builder.output("out", classes).build();
    }

    /**
     * Output layer straight on the planes: a_k = Σ_b 2^b(2P_b − N) must equal Σ_j w_j(2q_j − S)
     * exactly, and S times the float dot product with x̃ = (2q − S)/S in [−1, 1] up to rounding;
     * with and without weight flips.
     */
    @ParameterizedTest(name = "B={0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 12, 16})
    void preActivationIsTheCentredDotProduct(int bits) {
        int size = 131;
        int classes = 9;
        NetworkSpec spec = serial(bits, size, 0, classes);
        NetworkParameters parameters = RandomNetworks.parameters(spec, bits);
        BinaryNetwork network = BinaryNetwork.create(spec, parameters);
        double[][] inputs = RandomNetworks.realInputs(size, 30, bits);
        double s = (1 << bits) - 1;
        BinaryNetwork.Scratch scratch = network.newScratch();
        for (double ber : new double[] {0, 0.05, 0.3}) {
            for (int n = 0; n < inputs.length; n++) {
                long[][] flips = {NestedFlips.positions(n * 31L + bits, (long) size * classes, ber)};
                double[][] w = FloatReference.signs(network.weights(0), flips[0]);
                scratch.predictWithFlips(network.encode(inputs[n]), flips);
                long[] a = scratch.lastPreActivations();
                double[] scores = scratch.lastScores();
                for (int k = 0; k < classes; k++) {
                    long exact = 0;
                    double centred = 0;
                    for (int j = 0; j < size; j++) {
                        long q = (long) Math.floor(inputs[n][j] * s + 0.5);
                        exact += (long) w[k][j] * (2 * q - (long) s);
                        centred += w[k][j] * ((2 * q - s) / s);
                    }
                    assertEquals(exact, a[k], "ber " + ber + " input " + n + " class " + k);
                    assertEquals(centred * s, a[k], 1e-9 * s * size, "float dot product in [-1, 1], scaled by S");
                    assertEquals(a[k] / s, scores[k], "identity batch norm: the score is ā = a/S");
                }
            }
        }
    }

    /** A hidden bit-serial layer thresholds ā = Σ w x̃ (the [−1, 1] scale) through batch norm, as a float network does. */
    @ParameterizedTest(name = "B={0}")
    @ValueSource(ints = {1, 4, 8})
    void hiddenLayerThresholdsTheCentredPreActivation(int bits) {
        NetworkSpec spec = serial(bits, 50, 40, 7);
        NetworkParameters parameters = TrainedParameters.random(spec, 17 + bits);
        BinaryNetwork network = BinaryNetwork.create(spec, parameters);
        double[][] inputs = RandomNetworks.realInputs(50, 200, 3);
        for (double[] input : inputs) {
            FloatReference.Result expected = FloatReference.run(spec, parameters, input, null);
            BinaryNetwork.Scratch scratch = network.newScratch();
            assertEquals(expected.prediction(), scratch.predict(network.encode(input)));
            assertArrayEquals(expected.preActivations(), scratch.lastPreActivations());
            assertArrayEquals(expected.scores(), scratch.lastScores());
        }
    }

    /**
     * The same against a float network that computes ā = Σ_j w_j·x̃_j with fractions x̃: agreement
     * except where the normalised value is within rounding of 0, which must be rare.
     */
    @Test
    void hiddenLayerAgreesWithAFloatNetworkOnFractions() {
        int bits = 6;
        int size = 60;
        int hidden = 50;
        NetworkSpec spec = serial(bits, size, hidden, 5);
        NetworkParameters parameters = TrainedParameters.random(spec, 99);
        BinaryNetwork network = BinaryNetwork.create(spec, parameters);
        double s = (1 << bits) - 1;
        double[][] w = FloatReference.signs(network.weights(0), new long[0]);
        BatchNorm bn = parameters.layer("fc").orElseThrow().batchNorm();
        int compared = 0;
        int ambiguous = 0;
        for (double[] input : RandomNetworks.realInputs(size, 300, 4)) {
            int[] hiddenSigns = new int[hidden];
            boolean skip = false;
            for (int k = 0; k < hidden; k++) {
                double a = 0;
                for (int j = 0; j < size; j++) {
                    a += w[k][j] * (2 * Math.floor(input[j] * s + 0.5) / s - 1);
                }
                double sigma = Math.sqrt(bn.variance()[k] + bn.epsilon());
                double normalised = bn.gamma()[k] * (a - bn.mean()[k]) / sigma + bn.beta()[k];
                skip |= Math.abs(normalised) < 1e-9;
                hiddenSigns[k] = normalised >= 0 ? 1 : -1;
            }
            if (skip) {
                ambiguous++;
                continue;
            }
            double[][] w2 = FloatReference.signs(network.weights(1), new long[0]);
            long[] expected = new long[5];
            for (int c = 0; c < 5; c++) {
                for (int k = 0; k < hidden; k++) {
                    expected[c] += (long) (w2[c][k] * hiddenSigns[k]);
                }
            }
            assertArrayEquals(expected, network.preActivations(network.encode(input)));
            compared++;
        }
        assertTrue(ambiguous < 10 && compared > 290, "compared " + compared + ", ambiguous " + ambiguous);
    }

    @Test
    void quantisationRoundsToNearestWithHalvesUp() {
        InputEncoder two = new InputEncoder(new InputEncoding.BitSerial(2), 5);
        // S = 3: x·3 = 0, 0.5, 1.5, 2.49, 3 → q = 0, 1, 2, 2, 3
        double[] x = {0, 1 / 6.0, 0.5, 0.83, 1};
        int[] levels = {0, 1, 2, 2, 3};
        long[] planes = two.encode(x);
        assertEquals(2, planes.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(levels[i], two.level(x[i]), "x=" + x[i]);
            assertEquals((levels[i] & 1) != 0, PackedBits.get(planes, i), "plane 0 of x=" + x[i]);
            assertEquals((levels[i] & 2) != 0, PackedBits.get(planes, 64 + i), "plane 1 of x=" + x[i]);
        }
        assertEquals(3, two.scale());
        assertEquals(65535, new InputEncoder(new InputEncoding.BitSerial(16), 1).scale());
    }

    /** B = 1 bit-serial is the same plane as binarize at 0.5, and the same network output. */
    @Test
    void oneBitSerialIsBinarizeAtOneHalf() {
        InputEncoder serial = new InputEncoder(new InputEncoding.BitSerial(1), 200);
        InputEncoder binarize = new InputEncoder(new InputEncoding.Binarize(0.5), 200);
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[200];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(5) == 0 ? 0.5 : random.nextDouble();
            }
            assertArrayEquals(binarize.encode(x), serial.encode(x));
        }
    }

    @Test
    void binarizeUsesItsThreshold() {
        InputEncoder encoder = new InputEncoder(new InputEncoding.Binarize(0.3), 3);
        long[] planes = encoder.encode(new float[] {0.29f, 0.3f, 1f});
        assertEquals(0b110L, planes[0]);
        assertEquals(1, encoder.scale());
    }

    @Test
    void batchNormIdentityGivesScoresInTheUnitScale() {
        NetworkSpec spec = serial(3, 4, 0, 1);
        LayerParameters out = LayerParameters.signOnly("out", WeightMatrix.fromSigns(4, 1, new double[] {1, 1, 1, 1}));
        BinaryNetwork network = BinaryNetwork.create(spec, NetworkParameters.of(out));
        // q = 7, 7, 0, 0 → centred 7, 7, −7, −7 → a = 0; q = 7 everywhere → a = 28, ā = 4.
        assertEquals(0.0, network.scores(network.encode(new double[] {1, 1, 0, 0}))[0]);
        assertEquals(28L, network.preActivations(network.encode(new double[] {1, 1, 1, 1}))[0]);
        assertEquals(4.0, network.scores(network.encode(new double[] {1, 1, 1, 1}))[0]);
    }
}
