package org.bnn.runtime.checks;

import java.util.OptionalDouble;

import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * Argument checks of the description records (specs and devices). Every message names the
 * record, the field and the rejected value ("Record.field must be ..., got VALUE"), so a wrong
 * description can be traced back to its source; the {@link SpecViolation} thrown carries the same
 * record, field and the kind of problem for programs.
 */
public final class Checks {
    private Checks() {
    }

    public static int positive(String record, String field, int value) {
        if (value <= 0) {
            throw new SpecViolation(record, field, Problem.NOT_POSITIVE, record + "." + field + " must be positive, got " + value);
        }
        return value;
    }

    public static long nonNegative(String record, String field, long value) {
        if (value < 0) {
            throw new SpecViolation(record, field, Problem.NEGATIVE, record + "." + field + " must be non-negative, got " + value);
        }
        return value;
    }

    public static double positiveFinite(String record, String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new SpecViolation(record, field, value <= 0 ? Problem.NOT_POSITIVE : Problem.NOT_FINITE,
                    record + "." + field + " must be positive and finite, got " + value);
        }
        return value;
    }

    public static double nonNegativeFinite(String record, String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new SpecViolation(record, field, value < 0 ? Problem.NEGATIVE : Problem.NOT_FINITE,
                    record + "." + field + " must be non-negative and finite, got " + value);
        }
        return value;
    }

    /** An optional value that, when present, is positive and finite. */
    public static OptionalDouble positiveFinite(String record, String field, OptionalDouble value) {
        present(record, field, value).ifPresent(v -> positiveFinite(record, field, v));
        return value;
    }

    /** An optional value that, when present, is non-negative and finite. */
    public static OptionalDouble nonNegativeFinite(String record, String field, OptionalDouble value) {
        present(record, field, value).ifPresent(v -> nonNegativeFinite(record, field, v));
        return value;
    }

    public static double probability(String record, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new SpecViolation(record, field, Problem.OUT_OF_RANGE, record + "." + field + " must be in [0, 1], got " + value);
        }
        return value;
    }

    public static String name(String record, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new SpecViolation(record, field, Problem.MISSING, record + "." + field + " must be a non-empty name, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    public static <T> T present(String record, String field, T value) {
        if (value == null) {
            throw new SpecViolation(record, field, Problem.MISSING, record + "." + field + " is required, got null");
        }
        return value;
    }
}
