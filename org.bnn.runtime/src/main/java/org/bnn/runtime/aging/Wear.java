package org.bnn.runtime.aging;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.device.StandardNormal;

/**
 * Wear: as devices are rewritten their distributions widen and move per decade of program cycles
 * past {@code referenceCycles}, and past it a device fails into a stuck state after a number of
 * cycles that is log-normal with the regime's endurance as median and σ {@code failureSigma} of ln
 * cycles. Up to the reference nothing has worn: a chip read there is the regime as stated, exactly.
 *
 * @param lrs             the low-resistance state's drift per decade of cycles
 * @param hrs             the high-resistance state's drift per decade of cycles
 * @param referenceCycles the cycles at which the regime's distributions are stated (≥ 1)
 * @param failureSigma    σ of ln(cycles to failure); 0: every device fails exactly at the endurance
 * @param failsLow        true: a worn-out device is stuck in the LRS; false: in the HRS
 */
public record Wear(StateDrift lrs, StateDrift hrs, double referenceCycles, double failureSigma, boolean failsLow) {
    public Wear {
        Checks.present("Wear", "lrs", lrs);
        Checks.present("Wear", "hrs", hrs);
        Checks.positiveFinite("Wear", "referenceCycles", referenceCycles);
        if (referenceCycles < 1) {
            throw new SpecViolation("Wear", "referenceCycles", Problem.OUT_OF_RANGE,
                    "Wear.referenceCycles must be at least 1 (the programming itself), got " + referenceCycles);
        }
        Checks.nonNegativeFinite("Wear", "failureSigma", failureSigma);
    }

    /** Decades of cycles past the reference: 0 until then. */
    public double decades(double cycles) {
        return cycles > referenceCycles ? Math.log10(cycles / referenceCycles) : 0;
    }

    /** The probability that a device has failed after {@code cycles} cycles of a regime lasting {@code enduranceCycles}. */
    public double failedAfter(double cycles, double enduranceCycles) {
        Checks.nonNegativeFinite("Wear", "cycles", cycles);
        Checks.positiveFinite("Wear", "enduranceCycles", enduranceCycles);
        if (cycles <= referenceCycles) {
            return 0;
        }
        if (failureSigma == 0) {
            return cycles >= enduranceCycles ? 1 : 0;
        }
        return StandardNormal.cdf((Math.log(cycles) - Math.log(enduranceCycles)) / failureSigma);
    }
}
