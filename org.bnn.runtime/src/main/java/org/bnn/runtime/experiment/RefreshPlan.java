package org.bnn.runtime.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.spec.MappingSpec;

/**
 * How often a mapping's chips must be reprogrammed (refreshed) so that the accuracy lost since
 * programming stays within a bound, read off a time sweep (docs/reliability.md, "Refresh"). The
 * loss is counted from the sweep's first time. The time to the loss interpolates linearly in
 * log time between the last measured point within the bound and the first beyond it; the refresh
 * interval is that last measured time, so every measured point up to it is within the bound. Each
 * refresh rewrites the whole network once: its energy is the mapping's programming energy and it
 * takes one cycle of every device's endurance.
 *
 * @param mapping           the mapping's name
 * @param baseline          the mean accuracy (or agreement) at the first time, a share in [0, 1]
 * @param firstSeconds      the first time of the sweep, in seconds
 * @param lastSeconds       the last time of the sweep, in seconds
 * @param toleratedLoss     the loss allowed, a share (0.01 is one point)
 * @param secondsToLoss     when the loss exceeds the bound (interpolated); empty if it does not within the sweep
 * @param refreshSeconds    the refresh interval; empty if no refresh is needed within the sweep
 * @param programmingJoules the energy of programming the whole network once, if the estimate has unit energies
 * @param enduranceCycles   the endurance of the mapping's regime, in program cycles
 */
public record RefreshPlan(String mapping, double baseline, double firstSeconds, double lastSeconds, double toleratedLoss,
        OptionalDouble secondsToLoss, OptionalDouble refreshSeconds, OptionalDouble programmingJoules, double enduranceCycles) {
    /** One point of accuracy. */
    public static final double ONE_POINT = 0.01;

    public RefreshPlan {
        Checks.name("RefreshPlan", "mapping", mapping);
        Checks.positiveFinite("RefreshPlan", "toleratedLoss", toleratedLoss);
        Checks.present("RefreshPlan", "secondsToLoss", secondsToLoss);
        Checks.present("RefreshPlan", "refreshSeconds", refreshSeconds);
        Checks.present("RefreshPlan", "programmingJoules", programmingJoules);
        Checks.positiveFinite("RefreshPlan", "enduranceCycles", enduranceCycles);
    }

    /**
     * One plan per mapping of a time sweep, in the experiment's order.
     *
     * @throws IllegalArgumentException if the experiment does not sweep time
     */
    public static List<RefreshPlan> of(ExperimentSpec spec, List<SweepPoint> points, double toleratedLoss) {
        if (!(spec.sweep() instanceof SweepSpec.Ages ages) || ages.axis() != AgeAxis.TIME) {
            throw new IllegalArgumentException("a refresh plan needs a time sweep; experiment " + spec.name() + " sweeps " + spec.sweep());
        }
        List<RefreshPlan> plans = new ArrayList<>();
        for (MappingSpec mapping : spec.mappings()) {
            List<SweepPoint> mine = points.stream().filter(p -> p.mapping().equals(mapping.name())).toList();
            if (mine.size() != ages.points().size()) {
                throw new IllegalArgumentException("mapping " + mapping.name() + " has " + mine.size() + " points, the sweep "
                        + ages.points().size());
            }
            double[] means = mine.stream().mapToDouble(p -> p.metric().mean()).toArray();
            double endurance = DeviceStates.programmed(mapping, "time").enduranceCycles();
            plans.add(plan(mapping.name(), ages.points(), means, toleratedLoss,
                    costOf(Estimator.estimate(mapping).programming().map(ProgrammingCost::energyJoules).orElse(Double.NaN)), endurance));
        }
        return List.copyOf(plans);
    }

    private static OptionalDouble costOf(double joules) {
        return Double.isNaN(joules) ? OptionalDouble.empty() : OptionalDouble.of(joules);
    }

    /** The plan of one curve: {@code means[i]} measured at {@code seconds.get(i)}, ascending. */
    public static RefreshPlan plan(String mapping, List<Double> seconds, double[] means, double toleratedLoss,
            OptionalDouble programmingJoules,
            double enduranceCycles) {
        double floor = means[0] - toleratedLoss;
        for (int i = 1; i < means.length; i++) {
            if (means[i] < floor) {
                double before = Math.log10(seconds.get(i - 1));
                double after = Math.log10(seconds.get(i));
                double crossing = before + (after - before) * (means[i - 1] - floor) / (means[i - 1] - means[i]);
                return new RefreshPlan(mapping, means[0], seconds.get(0), seconds.get(seconds.size() - 1), toleratedLoss,
                        OptionalDouble.of(Math.pow(10, crossing)), OptionalDouble.of(seconds.get(i - 1)), programmingJoules,
                        enduranceCycles);
            }
        }
        return new RefreshPlan(mapping, means[0], seconds.get(0), seconds.get(seconds.size() - 1), toleratedLoss, OptionalDouble.empty(),
                OptionalDouble.empty(), programmingJoules, enduranceCycles);
    }

    /** Reprogrammings per year at the refresh interval; 0 when none is needed within the sweep. */
    public double refreshesPerYear() {
        return refreshSeconds.isPresent() ? Durations.YEAR / refreshSeconds.getAsDouble() : 0;
    }

    /** Programming energy spent per year on refreshes, in joules, if the estimate has unit energies. */
    public OptionalDouble joulesPerYear() {
        return programmingJoules.isPresent()
                ? OptionalDouble.of(refreshesPerYear() * programmingJoules.getAsDouble())
                : OptionalDouble.empty();
    }

    /** The share of every device's endurance the refreshes take per year. */
    public double enduranceSharePerYear() {
        return refreshesPerYear() / enduranceCycles;
    }

    /** CSV of plans, one row per mapping; empty cells where a value does not apply. */
    public static String csv(List<RefreshPlan> plans) {
        StringBuilder csv = new StringBuilder("mapping,baseline,first_seconds,last_seconds,tolerated_loss,seconds_to_loss,"
                + "refresh_seconds,refreshes_per_year,programming_joules,joules_per_year,endurance_cycles,endurance_share_per_year\n");
        for (RefreshPlan plan : plans) {
            csv.append(String.join(",", plan.mapping(), Double.toString(plan.baseline()), Double.toString(plan.firstSeconds()),
                    Double.toString(plan.lastSeconds()), Double.toString(plan.toleratedLoss()), text(plan.secondsToLoss()),
                    text(plan.refreshSeconds()), Double.toString(plan.refreshesPerYear()), text(plan.programmingJoules()),
                    text(plan.joulesPerYear()), Double.toString(plan.enduranceCycles()), Double.toString(plan.enduranceSharePerYear())))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String text(OptionalDouble value) {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
    }

    /** One line for the console and the Markdown page. */
    public String describe() {
        String loss = Condition.countLabel(100 * toleratedLoss) + "-point loss";
        if (refreshSeconds.isEmpty()) {
            return String.format(Locale.ROOT, "%s: no %s within %s (%.2f %% at %s): no refresh needed", mapping, loss,
                    Durations.label(lastSeconds), 100 * baseline, Durations.label(firstSeconds));
        }
        String energy = joulesPerYear().isPresent()
                ? String.format(Locale.ROOT, ", %.3g J/year", joulesPerYear().getAsDouble())
                : "";
        return String.format(Locale.ROOT, "%s: %s at about %s (from %.2f %% at %s); refresh every %s: %.3g rewrites/year%s, "
                + "%.3g of the endurance per year (it lasts %.3g years)", mapping, loss, Durations.label(secondsToLoss.getAsDouble()),
                100 * baseline, Durations.label(firstSeconds), Durations.label(refreshSeconds.getAsDouble()), refreshesPerYear(), energy,
                enduranceSharePerYear(), 1 / enduranceSharePerYear());
    }
}
