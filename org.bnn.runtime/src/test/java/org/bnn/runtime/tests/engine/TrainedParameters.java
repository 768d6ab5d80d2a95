package org.bnn.runtime.tests.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PoolKind;

/**
 * Seeded stand-ins for trained parameters: random ±1 weights and batch norm with positive,
 * negative and zero γ, means and spreads on the scale of each layer's pre-activations (so neurons
 * fire neither always nor never).
 */
final class TrainedParameters {
    private TrainedParameters() {
    }

    static NetworkParameters random(NetworkSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LayerParameters> layers = new ArrayList<>();
        NetworkParameters weights = RandomNetworks.parameters(spec, seed);
        List<LayerGeometry> geometry = spec.geometry();
        for (LayerGeometry layer : spec.weightLayers()) {
            LayerParameters given = weights.layer(layer.layer().name()).orElseThrow();
            // The mean of a window of pre-activations spreads less than one pre-activation.
            int index = layer.index();
            int window = index + 1 < geometry.size() && geometry.get(index + 1).layer() instanceof LayerSpec.Pool pool
                    && pool.kind() == PoolKind.AVG ? pool.size() * pool.size() : 1;
            layers.add(new LayerParameters(given.layer(), given.weights(), given.nonzero(),
                    batchNorm(random, layer.fanOut(), layer.fanIn() / window + 1)));
        }
        return new NetworkParameters(layers);
    }

    /** Batch norm for pre-activations whose variance is about {@code fanIn}. */
    static BatchNorm batchNorm(SplittableRandom random, int neurons, int fanIn) {
        double spread = Math.sqrt(fanIn);
        double[] gamma = new double[neurons];
        double[] beta = new double[neurons];
        double[] mean = new double[neurons];
        double[] variance = new double[neurons];
        for (int k = 0; k < neurons; k++) {
            double u = random.nextDouble();
            gamma[k] = u < 0.05 ? 0.0 : (u < 0.5 ? -1 : 1) * (0.1 + 2 * random.nextDouble());
            beta[k] = random.nextGaussian();
            mean[k] = spread * random.nextGaussian() * 0.5;
            variance[k] = fanIn * (0.2 + random.nextDouble());
        }
        return new BatchNorm(gamma, beta, mean, variance, 1e-5);
    }
}
