package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.PopcountDomain;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

/**
 * The popcount-domain mode: each neuron's differing count changes as D + Bin(N − D, p) − Bin(D, p),
 * as exact flips would change it (tested by distribution: it is not bit-identical by design).
 */
class PopcountDomainTest {

    /** The distribution of D' over many neurons against the exact one, by a chi-square test. */
    @Test
    void countsChangeAsIndependentFlipsChangeThem() {
        int[][] cases = {{200, 50}, {200, 0}, {200, 200}, {1024, 300}, {64, 31}};
        for (double p : new double[] {0.1, 0.01, 0.001}) {
            for (int[] c : cases) {
                int fanIn = c[0];
                int d = c[1];
                int neurons = 200_000;
                int[] differing = new int[neurons];
                Arrays.fill(differing, d);
                PopcountDomain.of(fanIn, p).addTo(differing, neurons, PopcountDomain.layerKey(1234, 2));
                long[] observed = new long[fanIn + 1];
                for (int value : differing) {
                    observed[value]++;
                }
                double[] expected = exactDistribution(fanIn, d, p);
                double chiSquare = 0;
                int bins = 0;
                double pooledExpected = 0;
                long pooledObserved = 0;
                for (int v = 0; v <= fanIn; v++) {
                    pooledExpected += expected[v] * neurons;
                    pooledObserved += observed[v];
                    if (pooledExpected >= 20) { // pool sparse tails until each bin expects 20 or more
                        chiSquare += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
                        bins++;
                        pooledExpected = 0;
                        pooledObserved = 0;
                    }
                }
                chiSquare += pooledExpected > 0
                        ? (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected
                        : 0;
                int degrees = Math.max(1, bins - 1);
                // Wilson-Hilferty: the 99.99 % quantile of chi-square with k degrees of freedom (z = 3.72).
                double h = 2.0 / (9 * degrees);
                double critical = degrees * Math.pow(1 - h + 3.72 * Math.sqrt(h), 3);
                String where = "N " + fanIn + ", D " + d + ", p " + p;
                assertTrue(chiSquare <= critical, where + ": chi-square " + chiSquare + " > " + critical + " (" + degrees + " dof)");
                double mean = Arrays.stream(differing).average().orElseThrow();
                double expectedMean = d + p * (fanIn - d) - p * d;
                double sd = Math.sqrt(fanIn * p * (1 - p) / neurons);
                assertEquals(expectedMean, mean, 5 * sd + 1e-12, where + ": mean");
            }
        }
    }

    /** P(D' = v) for D' = D + X − Y, X ~ Bin(N − D, p), Y ~ Bin(D, p) independent. */
    private static double[] exactDistribution(int fanIn, int d, double p) {
        double[] x = binomial(fanIn - d, p);
        double[] y = binomial(d, p);
        double[] result = new double[fanIn + 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                result[d + i - j] += x[i] * y[j];
            }
        }
        return result;
    }

    private static double[] binomial(int n, double p) {
        double[] pmf = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            pmf[k] = Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
        }
        return pmf;
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    /** The same network and BER, exact patterns and popcount domain: the same share of changed predictions, within 4σ. */
    @Test
    void predictionsChangeAsOftenAsWithExactFlips() {
        NetworkSpec spec = NetworkSpec.builder("Mlp", "in", 16, 16).dense("h1", 200).dense("h2", 150).output("out", 10).build();
        BinaryNetwork network = BinaryNetwork.create(spec, TrainedParameters.random(spec, 3));
        long[][] inputs = RandomNetworks.inputs(network, 2000, 4);
        int layers = network.weightLayerCount();
        int trials = 3;
        Simulation simulation = new Simulation(2);
        int[] clean = simulation.predict(network, inputs, WeightErrors.none(layers), 1, 5)[0];
        // 0.02: the two hidden layers draw counts (BER × fan-in ≥ 4), the output layer flips; above: counts everywhere.
        for (double ber : new double[] {0.02, 0.05, 0.2}) {
            WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, ber, layers);
            SimulationResult flipped = simulation.run(network, inputs, ErrorPatterns.of(errors), trials, 5);
            SimulationResult drawn = simulation.run(network, inputs, ErrorPatterns.popcountDomain(errors), trials, 5);
            assertFalse(Arrays.deepEquals(flipped.predictions(), drawn.predictions()), "counts are drawn at BER " + ber);
            double exact = changed(flipped, clean);
            double counts = changed(drawn, clean);
            double n = (double) trials * inputs.length;
            double sd = Math.sqrt(exact * (1 - exact) / n + counts * (1 - counts) / n);
            assertEquals(exact, counts, 4 * sd + 1e-9, "changed predictions at BER " + ber);
            assertTrue(counts > 0, "errors at BER " + ber + " change some predictions");
        }
    }

    private static double changed(SimulationResult result, int[] clean) {
        long changed = 0;
        long all = 0;
        for (int[] trial : result.predictions()) {
            for (int n = 0; n < trial.length; n++) {
                changed += trial[n] != clean[n] ? 1 : 0;
                all++;
            }
        }
        return (double) changed / all;
    }

    /** Keyed draws: identical at any thread count, also in networks whose conv layers keep exact patterns. */
    @Test
    void identicalAtOneAndManyThreads() {
        for (NetworkSpec spec : List.of(TestSpecs.dense(), TestSpecs.convMaxPool(), TestSpecs.bitSerialDense())) {
            BinaryNetwork network = BinaryNetwork.create(spec, TrainedParameters.random(spec, 8));
            long[][] inputs = RandomNetworks.inputs(network, 150, 9);
            // At 0.2 every layer read once draws counts (fan-in × BER ≥ 4); conv and bit-serial layers flip.
            ErrorPatterns patterns = ErrorPatterns.popcountDomain(WeightErrors.uniform(Resampling.PER_INFERENCE, 0.2,
                    network.weightLayerCount()));
            SimulationResult one = new Simulation(1).run(network, inputs, patterns, 2, 10);
            SimulationResult three = new Simulation(3).run(network, inputs, patterns, 2, 10);
            for (int trial = 0; trial < 2; trial++) {
                assertArrayEquals(one.predictions()[trial], three.predictions()[trial], spec.name());
            }
        }
    }

    @Test
    void onlyWeightLevelPerInferenceErrorsAreSampledInThePopcountDomain() {
        IllegalArgumentException perChip = assertThrows(IllegalArgumentException.class,
                () -> ErrorPatterns.popcountDomain(WeightErrors.uniform(Resampling.PER_CHIP, 0.01, 2)));
        assertTrue(perChip.getMessage().contains("per-chip"), perChip.getMessage());
        IllegalArgumentException device = assertThrows(IllegalArgumentException.class,
                () -> new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_READ, List.of(), Sampling.POPCOUNT_DOMAIN));
        assertTrue(device.getMessage().contains("ErrorSpec.sampling"), device.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PopcountDomain.of(10, 0.6));
        assertThrows(IllegalArgumentException.class, () -> PopcountDomain.of(0, 0.1));
    }
}
