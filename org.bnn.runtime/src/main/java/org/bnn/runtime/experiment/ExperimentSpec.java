package org.bnn.runtime.experiment;

import java.util.List;
import java.util.Optional;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.spec.MappingSpec;

/**
 * A weight-level bit-error-rate sweep of a mapping: for each BER point and each of
 * {@code trials} chip instances, the predictions of {@code inputs} seeded random inputs are
 * compared with the error-free ones. Every point uses the same keys, so flip sets are nested
 * across the sweep (common random numbers).
 *
 * @param report folder for the CSV and JSON results, if any
 */
public record ExperimentSpec(String name, MappingSpec mapping, int inputs, Resampling resampling, List<Double> berPoints, int trials,
        long seed, Optional<String> report) {
    public ExperimentSpec {
        Checks.name("ExperimentSpec", "name", name);
        Checks.present("ExperimentSpec", "mapping", mapping);
        Checks.positive("ExperimentSpec", "inputs", inputs);
        Checks.present("ExperimentSpec", "resampling", resampling);
        berPoints = List.copyOf(Checks.present("ExperimentSpec", "berPoints", berPoints));
        if (berPoints.isEmpty()) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ").berPoints must not be empty");
        }
        for (int i = 0; i < berPoints.size(); i++) {
            double ber = berPoints.get(i);
            if (!(ber >= 0 && ber <= 0.5)) {
                throw new IllegalArgumentException("ExperimentSpec(" + name + ").berPoints[" + i + "] must be in [0, 0.5], got " + ber);
            }
            if (i > 0 && ber <= berPoints.get(i - 1)) {
                throw new IllegalArgumentException("ExperimentSpec(" + name + ").berPoints must be ascending, got " + berPoints.get(i - 1)
                        + " then " + ber);
            }
        }
        Checks.positive("ExperimentSpec", "trials", trials);
        Checks.present("ExperimentSpec", "report", report);
    }
}
