package org.bnn.runtime.device;

import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * A programming regime of a device: the pulses used to write it and the resistance distributions
 * they produce. Weaker (lower-energy) regimes give closer, wider distributions, hence more read
 * errors, but far more endurance (Bocquet et al., IEDM 2018).
 *
 * @param name            the regime's name, e.g. "nominal"
 * @param lrs             the low-resistance state (after SET) distribution
 * @param hrs             the high-resistance state (after RESET) distribution; its median must exceed the LRS median
 * @param set             the SET pulse (to LRS)
 * @param reset           the RESET pulse (to HRS)
 * @param enduranceCycles the number of write cycles a device survives in this regime
 * @param aging           how its devices change with time, temperature, reads and cycles ({@link Aging#NONE}: not at all;
 *                        null is read as none: JSON written before there was a choice)
 */
public record RegimeSpec(String name, LogNormal lrs, LogNormal hrs, Pulse set, Pulse reset, double enduranceCycles, Aging aging) {
    public RegimeSpec {
        Checks.name("RegimeSpec", "name", name);
        String record = "RegimeSpec(" + name + ")";
        Checks.present(record, "lrs", lrs);
        Checks.present(record, "hrs", hrs);
        Checks.present(record, "set", set);
        Checks.present(record, "reset", reset);
        Checks.positiveFinite(record, "enduranceCycles", enduranceCycles);
        aging = aging == null ? Aging.NONE : aging;
        if (!(hrs.medianOhms() > lrs.medianOhms())) {
            throw new SpecViolation(record, "hrs.medianOhms", Problem.INCONSISTENT,
                    record + ".hrs.medianOhms must be greater than lrs.medianOhms = "
                            + lrs.medianOhms() + ", got " + hrs.medianOhms());
        }
    }

    /** A regime whose devices do not age. */
    public RegimeSpec(String name, LogNormal lrs, LogNormal hrs, Pulse set, Pulse reset, double enduranceCycles) {
        this(name, lrs, hrs, set, reset, enduranceCycles, Aging.NONE);
    }

    /** The same regime with devices that age as {@code other} says. */
    public RegimeSpec withAging(Aging other) {
        return new RegimeSpec(name, lrs, hrs, set, reset, enduranceCycles, other);
    }

    /** ln R_HRS − ln R_LRS of the medians: the read margin, in units of ln R. */
    public double lnMargin() {
        return hrs.lnMedian() - lrs.lnMedian();
    }
}
