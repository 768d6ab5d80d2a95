package org.bnn.runtime.spec;

/**
 * Argument checks shared by the spec records. Every message names the record, the field and the
 * rejected value, so a wrong description can be traced back to its source.
 */
final class SpecChecks {
    private SpecChecks() {
    }

    static int positive(String record, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(record + "." + field + " must be positive, got " + value);
        }
        return value;
    }

    static java.util.OptionalDouble nonNegative(String record, String field, java.util.OptionalDouble value) {
        if (value.isPresent() && !(value.getAsDouble() >= 0.0 && Double.isFinite(value.getAsDouble()))) {
            throw new IllegalArgumentException(record + "." + field + " must be a finite non-negative number, got " + value.getAsDouble());
        }
        return value;
    }

    static java.util.OptionalDouble positive(String record, String field, java.util.OptionalDouble value) {
        if (value.isPresent() && !(value.getAsDouble() > 0.0 && Double.isFinite(value.getAsDouble()))) {
            throw new IllegalArgumentException(record + "." + field + " must be a finite positive number, got " + value.getAsDouble());
        }
        return value;
    }

    static String name(String record, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(record + "." + field + " must be a non-empty name, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    static <T> T present(String record, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(record + "." + field + " is required, got null");
        }
        return value;
    }
}
