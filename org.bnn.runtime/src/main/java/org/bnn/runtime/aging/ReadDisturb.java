package org.bnn.runtime.aging;

import org.bnn.runtime.checks.Checks;

/**
 * Read disturb: every read of a device in the state it can leave moves it to the other state with
 * probability {@code probabilityPerRead}, independently, and it stays there until reprogrammed.
 * A read biases the cell in the SET direction, so the usual victim is an HRS device becoming LRS
 * ({@code towardsLow}).
 *
 * @param probabilityPerRead probability that one read moves a device, in [0, 1]
 * @param towardsLow         true: HRS devices move to the LRS; false: LRS devices move to the HRS
 */
public record ReadDisturb(double probabilityPerRead, boolean towardsLow) {
    public ReadDisturb {
        Checks.probability("ReadDisturb", "probabilityPerRead", probabilityPerRead);
    }

    /** The probability that a device has moved after {@code reads} reads: 1 − (1 − p)^reads, exact for tiny p. */
    public double movedAfter(double reads) {
        Checks.nonNegativeFinite("ReadDisturb", "reads", reads);
        if (reads == 0 || probabilityPerRead == 0) {
            return 0;
        }
        return probabilityPerRead == 1 ? 1 : -Math.expm1(reads * Math.log1p(-probabilityPerRead));
    }
}
