package org.bnn.runtime.experiment;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.Simulation;

/**
 * Runs an {@link ExperimentSpec} on a network with seeded random weights and inputs (until trained
 * weights and datasets are attached): the reference is the error-free prediction of each input.
 */
public final class BerSweep {
    private final Simulation simulation;

    /** @param threads worker threads; results do not depend on it */
    public BerSweep(int threads) {
        this.simulation = new Simulation(threads);
    }

    /** The sweep's points, in the order of {@code spec.berPoints()}. */
    public List<SweepPoint> run(ExperimentSpec spec) {
        BinaryNetwork network = RandomNetworks.create(spec.mapping().network(), spec.seed());
        long[][] inputs = RandomNetworks.inputs(network, spec.inputs(), spec.seed());
        int layers = network.weightLayerCount();
        int[] clean = simulation.predict(network, inputs, WeightErrors.none(layers), 1, spec.seed())[0];
        List<SweepPoint> points = new ArrayList<>();
        for (double ber : spec.berPoints()) {
            int[][] predictions = simulation.predict(network, inputs, WeightErrors.uniform(spec.resampling(), ber, layers), spec.trials(),
                    spec.seed());
            double[] agreement = new double[spec.trials()];
            for (int trial = 0; trial < spec.trials(); trial++) {
                int same = 0;
                for (int n = 0; n < inputs.length; n++) {
                    same += predictions[trial][n] == clean[n] ? 1 : 0;
                }
                agreement[trial] = (double) same / inputs.length;
            }
            points.add(new SweepPoint(ber, agreement));
        }
        return points;
    }
}
