package org.bnn.report.format;

import java.util.Locale;

/** Number text for people (Markdown, plot labels); the machine files use {@link #exact}. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * The shortest text that reads back to the same double (Java's own), independent of the
     * locale: what CSV files hold, so that they are exact and the same on every machine.
     */
    public static String exact(double value) {
        return Double.toString(value);
    }

    /** A bit error rate: "0", or two significant digits in scientific notation ("3.3e-2"). */
    public static String ber(double ber) {
        return ber == 0 ? "0" : String.format(Locale.ROOT, "%.1e", ber).replace("e-0", "e-").replace("e+0", "e");
    }

    /** A share in [0, 1] as a percentage with two decimals, without the sign ("98.12"). */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f", 100 * share);
    }

    /** A count of cycles in scientific notation ("1e7"), exact below 10^4 ("500"). */
    public static String cycles(double cycles) {
        if (cycles < 1e4 && cycles == Math.rint(cycles)) {
            return String.format(Locale.ROOT, "%.0f", cycles);
        }
        String text = String.format(Locale.ROOT, "%.1e", cycles).replace("e+0", "e").replace("e+", "e");
        return text.replace(".0e", "e");
    }

    /** Three significant digits, without a trailing exponent for values in [0.01, 1000). */
    public static String significant(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
