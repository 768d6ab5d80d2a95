package org.bnn.calibration.measurements;

import java.math.BigDecimal;

/** Numbers as the CSV writes them: decimal, optional exponent, nothing else. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * The value of a decimal number such as {@code 8000}, {@code 8.1e3} or {@code -2}; null for any
     * other text, including Java's extras ({@code 8000d}, {@code 0x1p3}, {@code NaN}, {@code Infinity}).
     */
    public static Double parse(String text) {
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(text);
    }

    /** A number without a needless ".0" or exponent: 3600, 0.5, 1e+20 stays as Java writes it. */
    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toString();
    }
}
