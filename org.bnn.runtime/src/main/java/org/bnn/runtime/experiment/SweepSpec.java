package org.bnn.runtime.experiment;

import java.util.List;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/** What an experiment varies from point to point. */
public sealed interface SweepSpec {

    /** Weight-level bit error rates, ascending in [0, 0.5]; flip sets are nested across the points. */
    record Ber(List<Double> points) implements SweepSpec {
        public Ber {
            points = List.copyOf(Checks.present("SweepSpec.Ber", "points", points));
            if (points.isEmpty()) {
                throw new SpecViolation("SweepSpec.Ber", "points", Problem.MISSING, "SweepSpec.Ber.points must not be empty");
            }
            for (int i = 0; i < points.size(); i++) {
                double ber = points.get(i);
                if (!(ber >= 0 && ber <= 0.5)) {
                    throw new SpecViolation("SweepSpec.Ber", "points", String.valueOf(i), Problem.OUT_OF_RANGE,
                            "SweepSpec.Ber.points[" + i + "] must be in [0, 0.5], got " + ber);
                }
                if (i > 0 && ber <= points.get(i - 1)) {
                    throw new SpecViolation("SweepSpec.Ber", "points", String.valueOf(i), Problem.INCONSISTENT,
                            "SweepSpec.Ber.points must be ascending, got " + points.get(i - 1) + " then " + ber);
                }
            }
        }
    }

    /**
     * The device's programming regimes, by name: at device level the chips are programmed under
     * each; at weight level each point flips weights at the regime's analytic 2T2R BER.
     */
    record Regimes(List<String> regimes) implements SweepSpec {
        public Regimes {
            regimes = List.copyOf(Checks.present("SweepSpec.Regimes", "regimes", regimes));
            if (regimes.isEmpty() || regimes.stream().distinct().count() != regimes.size()) {
                throw new SpecViolation("SweepSpec.Regimes", "regimes", regimes.isEmpty() ? Problem.MISSING : Problem.DUPLICATE,
                        "SweepSpec.Regimes.regimes must be distinct and not empty, got " + regimes);
            }
        }
    }

    /**
     * A sensitivity study: one point per erring layer with weights, errors (weight level, at
     * {@code ber}) in that layer only — which layer breaks first.
     */
    record Layers(double ber) implements SweepSpec {
        public Layers {
            if (!(ber > 0 && ber <= 0.5)) {
                throw new SpecViolation("SweepSpec.Layers", "ber", Problem.OUT_OF_RANGE,
                        "SweepSpec.Layers.ber must be in (0, 0.5], got " + ber);
            }
        }
    }
}
