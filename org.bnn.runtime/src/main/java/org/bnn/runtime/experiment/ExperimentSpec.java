package org.bnn.runtime.experiment;

import java.util.Optional;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.spec.MappingSpec;

/**
 * An accuracy study of a mapping: for each point of the sweep and each of {@code trials} chip
 * instances, the predictions of the inputs under errors are compared with the labels (datasets)
 * and with the error-free chip's predictions. Every point uses the same keys, so flip sets are
 * nested across a BER sweep (common random numbers).
 *
 * @param weights the trained weights ({@code .npz}, relative paths: to the description's folder);
 *                empty means seeded random weights
 */
public record ExperimentSpec(String name, MappingSpec mapping, InputSource inputs, ErrorSpec errors, SweepSpec sweep, int trials,
        long seed, Optional<String> weights, Optional<ReportSpec> report) {
    public ExperimentSpec {
        Checks.name("ExperimentSpec", "name", name);
        Checks.present("ExperimentSpec", "mapping", mapping);
        Checks.present("ExperimentSpec", "inputs", inputs);
        Checks.present("ExperimentSpec", "errors", errors);
        Checks.present("ExperimentSpec", "sweep", sweep);
        Checks.positive("ExperimentSpec", "trials", trials);
        Checks.present("ExperimentSpec", "weights", weights);
        Checks.present("ExperimentSpec", "report", report);
        if (sweep instanceof SweepSpec.Ber && errors.level() == ErrorLevel.DEVICE) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") sweeps BER at device level: a device-level chip's "
                    + "errors follow from its regime, so sweep regimes there, or use weight-level errors to sweep BER");
        }
        if (sweep instanceof SweepSpec.Layers && errors.level() == ErrorLevel.DEVICE) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") sweeps layers at device level: the layer "
                    + "sensitivity study flips weights at one BER, so it needs weight-level errors");
        }
        for (String layer : errors.erringLayers()) {
            if (mapping.network().weightLayers().stream().noneMatch(l -> l.layer().name().equals(layer))) {
                throw new IllegalArgumentException("ExperimentSpec(" + name + ").errors names layer " + layer
                        + ", which is not a layer with weights of network " + mapping.network().name());
            }
        }
        if (sweep instanceof SweepSpec.Regimes regimes) {
            var device = mapping.chip().tile().device().orElseThrow(() -> new IllegalArgumentException("ExperimentSpec(" + name
                    + ") sweeps regimes but tile " + mapping.chip().tile().name() + " has no device"));
            regimes.regimes().forEach(device::regime);
        }
    }
}
