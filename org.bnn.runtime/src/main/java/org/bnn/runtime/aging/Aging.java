package org.bnn.runtime.aging;

import java.util.Locale;
import java.util.Optional;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.StuckAt;

/**
 * How the devices of one programming regime age: any of relaxation (time and temperature), read
 * disturb and wear (docs/reliability.md). Without any, a device stays as programmed.
 * <p>
 * {@link #at} gives what a read meets under a {@link Condition}: the regime's distributions moved
 * by relaxation and wear, and the stuck-at faults with the devices moved by use added. A device
 * programmed in the HRS ends in the LRS if it was fabricated stuck there, or else (probability
 * h = 1 − p_L − p_H) if it wore out into the LRS (F) or, still working, was disturbed there (d):
 * p_L' = p_L + h·(F·[fails low] + (1 − F)·d·[disturbed low]), and symmetrically p_H'. A device's
 * end state then depends only on its programmed state, which is all the analytic error rates and
 * the cell samplers need, and p_L', p_H' only grow with time, reads and cycles, so with one uniform
 * per device a device that has left its state stays out of it at every later condition.
 *
 * @param relaxation drift with time and temperature, if modelled
 * @param disturb    read disturb, if modelled
 * @param wear       wear with program cycles, if modelled
 */
public record Aging(Optional<Relaxation> relaxation, Optional<ReadDisturb> disturb, Optional<Wear> wear) {
    /** Devices that stay as programmed. */
    public static final Aging NONE = new Aging(Optional.empty(), Optional.empty(), Optional.empty());

    public Aging {
        Checks.present("Aging", "relaxation", relaxation);
        Checks.present("Aging", "disturb", disturb);
        Checks.present("Aging", "wear", wear);
    }

    /** Whether any aging is modelled. */
    public boolean any() {
        return relaxation.isPresent() || disturb.isPresent() || wear.isPresent();
    }

    /**
     * The regime and stuck-at faults a read meets under {@code condition}, for devices programmed under
     * {@code regime} with fabrication faults {@code stuckAt}. The regime keeps its name.
     *
     * @throws SpecViolation if σ of a state falls below 0 there, or the HRS median falls to the LRS median
     */
    public Aged at(RegimeSpec regime, StuckAt stuckAt, Condition condition) {
        Checks.present("Aging.at", "regime", regime);
        Checks.present("Aging.at", "stuckAt", stuckAt);
        Checks.present("Aging.at", "condition", condition);
        String where = "in regime " + regime.name() + " " + condition.describe();
        double timeDecades = relaxation.map(r -> r.decades(condition.seconds(), condition.kelvin())).orElse(0.0);
        double cycleDecades = wear.map(w -> w.decades(condition.cycles())).orElse(0.0);
        LogNormal lrs = regime.lrs();
        LogNormal hrs = regime.hrs();
        if (relaxation.isPresent()) {
            lrs = relaxation.get().lrs().after(lrs, timeDecades, "for the LRS " + where);
            hrs = relaxation.get().hrs().after(hrs, timeDecades, "for the HRS " + where);
        }
        if (wear.isPresent()) {
            lrs = wear.get().lrs().after(lrs, cycleDecades, "for the LRS " + where);
            hrs = wear.get().hrs().after(hrs, cycleDecades, "for the HRS " + where);
        }
        if (!(hrs.medianOhms() > lrs.medianOhms())) {
            throw new SpecViolation("Aging", "relaxation", Problem.INCONSISTENT, String.format(Locale.ROOT,
                    "the HRS median (%.4g Ohm) falls to the LRS median (%.4g Ohm) %s: the states can no longer be told apart",
                    hrs.medianOhms(), lrs.medianOhms(), where));
        }
        RegimeSpec aged = lrs == regime.lrs() && hrs == regime.hrs()
                ? regime
                : new RegimeSpec(regime.name(), lrs, hrs, regime.set(), regime.reset(), regime.enduranceCycles(), this);
        return new Aged(aged, movedByUse(regime, stuckAt, condition));
    }

    private StuckAt movedByUse(RegimeSpec regime, StuckAt stuckAt, Condition condition) {
        double failed = wear.map(w -> w.failedAfter(condition.cycles(), regime.enduranceCycles())).orElse(0.0);
        double disturbed = disturb.map(d -> d.movedAfter(condition.reads())).orElse(0.0);
        if (failed == 0 && disturbed == 0) {
            return stuckAt;
        }
        boolean failsLow = wear.map(Wear::failsLow).orElse(true);
        boolean disturbedLow = disturb.map(ReadDisturb::towardsLow).orElse(true);
        double working = 1 - stuckAt.stuckProbability();
        double toLow = failed * (failsLow ? 1 : 0) + (1 - failed) * disturbed * (disturbedLow ? 1 : 0);
        double toHigh = failed * (failsLow ? 0 : 1) + (1 - failed) * disturbed * (disturbedLow ? 0 : 1);
        double endsLow = stuckAt.stuckAtLrsProbability() + working * toLow;
        // The two sum to at most 1 exactly; min() keeps rounding from pushing them past it.
        return new StuckAt(endsLow, Math.min(stuckAt.stuckAtHrsProbability() + working * toHigh, 1 - endsLow));
    }

    /**
     * What a read meets: the regime's distributions at that time, and every device that ends in a
     * state whatever was programmed (fabrication faults, wear-out, disturb) as stuck-at faults.
     */
    public record Aged(RegimeSpec regime, StuckAt stuckAt) {
    }
}
