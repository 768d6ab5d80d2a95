package org.bnn.runtime.experiment;

import java.util.List;
import java.util.OptionalDouble;

import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.device.StuckAt;

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
     * Aging devices (docs/reliability.md): one point per value of {@code axis}, ascending, the rest of
     * the condition as the experiment's errors state it ({@link ErrorSpec#condition()}). The chips are
     * the same at every point, so where devices drift one way a point's errors include the previous one's.
     */
    record Ages(AgeAxis axis, List<Double> points) implements SweepSpec {
        public Ages {
            Checks.present("SweepSpec.Ages", "axis", axis);
            points = List.copyOf(Checks.present("SweepSpec.Ages", "points", points));
            if (points.isEmpty()) {
                throw new SpecViolation("SweepSpec.Ages", "points", Problem.MISSING, "SweepSpec.Ages.points must not be empty");
            }
            for (int i = 0; i < points.size(); i++) {
                try {
                    axis.apply(Condition.FRESH, points.get(i));
                } catch (SpecViolation e) {
                    throw new SpecViolation("SweepSpec.Ages", "points", String.valueOf(i), e.problem(),
                            "SweepSpec.Ages.points[" + i + "] is not a valid " + axis.keyword() + ": " + e.getMessage());
                }
                if (i > 0 && points.get(i) <= points.get(i - 1)) {
                    throw new SpecViolation("SweepSpec.Ages", "points", String.valueOf(i), Problem.INCONSISTENT,
                            "SweepSpec.Ages.points must be ascending, got " + axis.label(points.get(i - 1)) + " then "
                                    + axis.label(points.get(i)));
                }
            }
        }
    }

    /**
     * Fabrication faults (docs/reliability.md, "Yield and repair"): one point per probability that a
     * device is stuck, ascending in [0, 1], split between the LRS and the HRS as the device's own
     * stuck-at faults are (evenly if it has none). With {@code yieldAbove}, each point also reports
     * the yield: the share of chips whose accuracy (or agreement) is at least that.
     *
     * @param yieldAbove the accuracy a chip must reach to count as good, a share in (0, 1]; empty: no yield
     */
    record StuckDevices(List<Double> points, OptionalDouble yieldAbove) implements SweepSpec {
        public StuckDevices {
            points = List.copyOf(Checks.present("SweepSpec.StuckDevices", "points", points));
            if (points.isEmpty()) {
                throw new SpecViolation("SweepSpec.StuckDevices", "points", Problem.MISSING,
                        "SweepSpec.StuckDevices.points must not be empty");
            }
            for (int i = 0; i < points.size(); i++) {
                Checks.probability("SweepSpec.StuckDevices", "points[" + i + "]", points.get(i));
                if (i > 0 && points.get(i) <= points.get(i - 1)) {
                    throw new SpecViolation("SweepSpec.StuckDevices", "points", String.valueOf(i), Problem.INCONSISTENT,
                            "SweepSpec.StuckDevices.points must be ascending, got " + points.get(i - 1) + " then " + points.get(i));
                }
            }
            Checks.present("SweepSpec.StuckDevices", "yieldAbove", yieldAbove);
            if (yieldAbove.isPresent() && !(yieldAbove.getAsDouble() > 0 && yieldAbove.getAsDouble() <= 1)) {
                throw new SpecViolation("SweepSpec.StuckDevices", "yieldAbove", Problem.OUT_OF_RANGE,
                        "SweepSpec.StuckDevices.yieldAbove must be in (0, 1], got " + yieldAbove.getAsDouble());
            }
        }

        /** The faults of point {@code probability}, split as {@code device} splits its own (evenly if it has none). */
        public StuckAt at(double probability, StuckAt device) {
            double total = device.stuckProbability();
            double lrsShare = total == 0 ? 0.5 : device.stuckAtLrsProbability() / total;
            return new StuckAt(probability * lrsShare, probability - probability * lrsShare);
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
