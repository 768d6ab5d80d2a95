package org.bnn.runtime.aging;

import java.math.BigDecimal;

/** Durations as people write them: "1 s", "1 h", "1 day", "10 years" (a year is 365.25 days). */
public final class Durations {
    public static final double MINUTE = 60;
    public static final double HOUR = 3600;
    public static final double DAY = 86_400;
    public static final double YEAR = 365.25 * DAY;

    private static final double[] SIZES = {YEAR, DAY, HOUR, MINUTE, 1};
    private static final String[] SINGULAR = {"year", "day", "h", "min", "s"};
    private static final String[] PLURAL = {"years", "days", "h", "min", "s"};

    private Durations() {
    }

    /**
     * The largest unit in which {@code seconds} is a whole number or at least 1 (to 3 significant
     * figures otherwise): 3600 → "1 h", 5400 → "1.5 h", 0 → "0 s", 0.5 → "0.5 s".
     */
    public static String label(double seconds) {
        for (int i = 0; i < SIZES.length; i++) {
            double inUnit = seconds / SIZES[i];
            if (inUnit >= 1 || i == SIZES.length - 1) {
                String number = BigDecimal.valueOf(inUnit).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
                return number + " " + (number.equals("1") ? SINGULAR[i] : PLURAL[i]);
            }
        }
        throw new AssertionError("unreachable");
    }
}
