package org.bnn.runtime.device;

/**
 * Argument checks shared by the device records. Every message names the record, the field and
 * the rejected value ("Record.field must be ..., got VALUE"), like the spec records.
 */
final class Checks {
    private Checks() {
    }

    static double positiveFinite(String record, String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(record + "." + field + " must be positive and finite, got " + value);
        }
        return value;
    }

    static double nonNegativeFinite(String record, String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(record + "." + field + " must be non-negative and finite, got " + value);
        }
        return value;
    }

    static double probability(String record, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(record + "." + field + " must be in [0, 1], got " + value);
        }
        return value;
    }

    static long nonNegative(String record, String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(record + "." + field + " must be non-negative, got " + value);
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
