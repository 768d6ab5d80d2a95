package org.bnn.runtime.experiment;

import java.nio.file.Path;
import java.util.Optional;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.StandardDataset;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.weights.WeightsFile;

/**
 * What an experiment runs on: the network with its weights, the encoded inputs and their labels.
 *
 * @param parameters what {@code network} was built from (kept so that the inputs can be sent elsewhere and the
 *                   network rebuilt there, {@link org.bnn.runtime.explore.ExplorationJob})
 * @param labels     empty for random inputs
 */
public record ExperimentInputs(NetworkParameters parameters, BinaryNetwork network, long[][] inputs, Optional<int[]> labels) {

    /**
     * Loads the trained weights (or makes seeded random ones) and the inputs (a dataset split, or
     * seeded random inputs). Relative paths are resolved against {@code base}, the folder of the
     * description.
     *
     * @throws org.bnn.runtime.data.DataException       when the dataset is missing or corrupt
     * @throws org.bnn.runtime.weights.WeightsException when the weights file is missing or corrupt
     * @throws IllegalArgumentException                 when weights or images do not fit the network
     */
    public static ExperimentInputs load(ExperimentSpec spec, Path base) {
        NetworkSpec networkSpec = spec.mapping().network();
        NetworkParameters parameters = spec.weights().map(file -> WeightsFile.read(base.resolve(file)))
                .orElseGet(() -> RandomNetworks.parameters(networkSpec, spec.seed()));
        BinaryNetwork network = BinaryNetwork.create(networkSpec, parameters);
        if (!(spec.inputs() instanceof InputSource.Dataset source)) {
            int count = ((InputSource.Random) spec.inputs()).count();
            return new ExperimentInputs(parameters, network, RandomNetworks.inputs(network, count, spec.seed()), Optional.empty());
        }
        Dataset data = dataset(source, base);
        Shape expected = networkSpec.input().shape();
        if (data.height() != expected.height() || data.width() != expected.width() || data.channels() != expected.channels()) {
            throw new IllegalArgumentException(String.format("%s images are %dx%dx%d, network %s expects %s", source.dataset(),
                    data.height(), data.width(), data.channels(), networkSpec.name(), expected));
        }
        long[][] inputs = new long[data.size()][];
        int[] labels = new int[data.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = network.encode(data.image(i));
            labels[i] = data.label(i);
        }
        return new ExperimentInputs(parameters, network, inputs, Optional.of(labels));
    }

    /** The dataset split named by {@code source}, limited as it says. */
    public static Dataset dataset(InputSource.Dataset source, Path base) {
        Path folder = base.resolve(source.folder());
        Dataset data = StandardDataset.named(source.dataset()).load(folder, source.split());
        return source.limit() > 0 ? data.limit(source.limit()) : data;
    }
}
