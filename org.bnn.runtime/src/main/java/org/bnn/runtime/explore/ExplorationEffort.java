package org.bnn.runtime.explore;

import org.bnn.runtime.data.StandardDataset;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.NetworkSpec;

/**
 * How much simulating an exploration's plan costs, known before anything runs: the designs, the
 * simulations, and the binary multiply-accumulates of all their inferences (each inference of a design
 * costs Σ fan-in × fan-out × positions × input planes over its layers). With the engine's speed on this
 * machine it gives the expected run time, which the editor shows on an {@code explore} block.
 *
 * @param designs     designs of the plan
 * @param simulations simulations the plan runs (designs that behave alike share one)
 * @param chips       chips per simulation (the exploration's trials)
 * @param inputs      inputs each chip classifies
 * @param binaryMacs  binary multiply-accumulates of all the simulations' inferences
 */
public record ExplorationEffort(int designs, int simulations, int chips, long inputs, double binaryMacs) {

    /** The effort of {@code plan} for {@code spec}. */
    public static ExplorationEffort of(ExploreSpec spec, Exploration.Plan plan) {
        long inputs = inputs(spec.inputs());
        double macs = 0;
        for (ExperimentSpec simulation : plan.simulations()) {
            macs += macsPerInference(simulation.mapping().network()) * inputs * spec.trials();
        }
        return new ExplorationEffort(plan.designs().size(), plan.simulations().size(), spec.trials(), inputs, macs);
    }

    /** Binary multiply-accumulates of one inference of {@code network}. */
    public static double macsPerInference(NetworkSpec network) {
        double macs = 0;
        for (LayerGeometry layer : network.weightLayers()) {
            macs += (double) layer.fanIn() * layer.fanOut() * layer.positions() * layer.planes();
        }
        return macs;
    }

    /** The inputs one chip classifies: a data set's split (or its first {@code limit}), or the random inputs' count. */
    static long inputs(InputSource source) {
        if (source instanceof InputSource.Dataset data) {
            int size = StandardDataset.named(data.dataset()).size(data.split());
            return data.limit() > 0 ? Math.min(data.limit(), size) : size;
        }
        return ((InputSource.Random) source).count();
    }

    /** Seconds the simulations take at {@code macsPerSecond} (the engine's error-free speed on all cores). */
    public double seconds(double macsPerSecond) {
        return binaryMacs / macsPerSecond;
    }
}
