package org.bnn.runtime.device;

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
 */
public record RegimeSpec(String name, LogNormal lrs, LogNormal hrs, Pulse set, Pulse reset, double enduranceCycles) {
    public RegimeSpec {
        Checks.name("RegimeSpec", "name", name);
        String record = "RegimeSpec(" + name + ")";
        Checks.present(record, "lrs", lrs);
        Checks.present(record, "hrs", hrs);
        Checks.present(record, "set", set);
        Checks.present(record, "reset", reset);
        Checks.positiveFinite(record, "enduranceCycles", enduranceCycles);
        if (!(hrs.medianOhms() > lrs.medianOhms())) {
            throw new SpecViolation(record, "hrs.medianOhms", Problem.INCONSISTENT,
                    record + ".hrs.medianOhms must be greater than lrs.medianOhms = "
                            + lrs.medianOhms() + ", got " + hrs.medianOhms());
        }
    }

    /** ln R_HRS − ln R_LRS of the medians: the read margin, in units of ln R. */
    public double lnMargin() {
        return hrs.lnMedian() - lrs.lnMedian();
    }
}
