package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * Stuck-at faults: each device is independently stuck in the LRS or the HRS, whatever is
 * programmed, with these probabilities (a stuck device still has a random resistance drawn from
 * the state it is stuck in).
 *
 * @param stuckAtLrsProbability probability that a device is stuck in the low-resistance state
 * @param stuckAtHrsProbability probability that a device is stuck in the high-resistance state
 */
public record StuckAt(double stuckAtLrsProbability, double stuckAtHrsProbability) {
    /** No stuck devices. */
    public static final StuckAt NONE = new StuckAt(0, 0);

    public StuckAt {
        Checks.probability("StuckAt", "stuckAtLrsProbability", stuckAtLrsProbability);
        Checks.probability("StuckAt", "stuckAtHrsProbability", stuckAtHrsProbability);
        if (stuckAtLrsProbability + stuckAtHrsProbability > 1) {
            throw new SpecViolation("StuckAt", "stuckAtLrsProbability", Problem.INCONSISTENT,
                    "StuckAt.stuckAtLrsProbability + stuckAtHrsProbability must be at most 1, got "
                            + stuckAtLrsProbability + " + " + stuckAtHrsProbability);
        }
    }

    /** Probability that a device is stuck in either state. */
    public double stuckProbability() {
        return stuckAtLrsProbability + stuckAtHrsProbability;
    }
}
