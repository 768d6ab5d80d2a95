package org.bnn.runtime.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.checks.Checks;

/**
 * The yield of a point of a stuck-device sweep: the share of its chips (trials) whose accuracy (or
 * agreement, without labels) reaches the target, with the Wilson score 95 % interval of that share
 * (Wilson, J. Am. Stat. Assoc. 22, 1927), which stays inside [0, 1] and is sound for few chips.
 *
 * @param mapping the mapping's name
 * @param point   the point's label (the stuck-at probability)
 * @param target  the accuracy a good chip reaches, a share in (0, 1]
 * @param good    chips at or above the target
 * @param chips   chips simulated
 */
public record Yield(String mapping, String point, double target, int good, int chips) {
    private static final double Z95 = 1.959963984540054;

    public Yield {
        Checks.name("Yield", "mapping", mapping);
        Checks.name("Yield", "point", point);
        Checks.positive("Yield", "chips", chips);
        if (good < 0 || good > chips) {
            throw new IllegalArgumentException("Yield.good must be in [0, " + chips + "], got " + good);
        }
    }

    /** The yields of a stuck-device sweep with a target, point by point in the experiment's order; else none. */
    public static List<Yield> of(ExperimentSpec spec, List<SweepPoint> points) {
        if (!(spec.sweep() instanceof SweepSpec.StuckDevices faults) || faults.yieldAbove().isEmpty()) {
            return List.of();
        }
        double target = faults.yieldAbove().getAsDouble();
        List<Yield> yields = new ArrayList<>();
        for (SweepPoint point : points) {
            double[] perChip = point.metric().perTrial();
            int good = 0;
            for (double value : perChip) {
                good += value >= target ? 1 : 0;
            }
            yields.add(new Yield(point.mapping(), point.label(), target, good, perChip.length));
        }
        return List.copyOf(yields);
    }

    /** The share of good chips. */
    public double share() {
        return (double) good / chips;
    }

    /** The Wilson score 95 % interval of the share: {low, high}. */
    public double[] interval95() {
        double n = chips;
        double p = share();
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** "Spared, stuck 1e-4: 18 of 20 chips reach 97 % (yield 90 %, 95 % CI 70-97 %)". */
    public String describe() {
        double[] ci = interval95();
        return String.format(Locale.ROOT, "%s, stuck %s: %d of %d chips reach %s %% (yield %.0f %%, 95 %% CI %.0f-%.0f %%)", mapping,
                point, good, chips, Condition.countLabel(100 * target), 100 * share(), 100 * ci[0], 100 * ci[1]);
    }

    /** CSV, one row per point. */
    public static String csv(List<Yield> yields) {
        StringBuilder csv = new StringBuilder("mapping,stuck_probability,target,good_chips,chips,yield,yield_ci95_low,yield_ci95_high\n");
        for (Yield yield : yields) {
            double[] ci = yield.interval95();
            csv.append(String.join(",", yield.mapping(), yield.point(), Double.toString(yield.target()), Integer.toString(yield.good()),
                    Integer.toString(yield.chips()), Double.toString(yield.share()), Double.toString(ci[0]), Double.toString(ci[1])))
                    .append('\n');
        }
        return csv.toString();
    }
}
