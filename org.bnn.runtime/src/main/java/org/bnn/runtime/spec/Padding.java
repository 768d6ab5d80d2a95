package org.bnn.runtime.spec;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * Convolution padding. There is no zero in ±1 logic: padded positions hold {@code value}, −1 or +1;
 * {@code amount} 0 is "valid" (no padding).
 */
public record Padding(int amount, int value) {
    /** No padding. */
    public static final Padding VALID = new Padding(0, -1);

    public Padding {
        if (amount < 0) {
            throw new SpecViolation("Padding", "amount", Problem.NEGATIVE, "Padding.amount must be non-negative, got " + amount);
        }
        if (value != -1 && value != 1) {
            throw new SpecViolation("Padding", "value", Problem.OUT_OF_RANGE, "Padding.value must be -1 or +1, got " + value);
        }
    }
}
