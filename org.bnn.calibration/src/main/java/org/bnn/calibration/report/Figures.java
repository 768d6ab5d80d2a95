package org.bnn.calibration.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the report and the device block write them: four significant digits, SI prefixes for ohms. */
final class Figures {
    private static final MathContext DIGITS = new MathContext(4);
    private static final String[] PREFIXES = {"", "k", "M", "G", "T"};

    private Figures() {
    }

    /** {@code value} to four significant digits, without exponent: 0.2513, 8.012, 181.2. */
    static String significant(double value) {
        return rounded(value).toPlainString();
    }

    /** {@code value} rounded to four significant digits, as every figure of the report and the device block. */
    static BigDecimal rounded(double value) {
        return new BigDecimal(value).round(DIGITS);
    }

    /** A resistance with the language's unit: 8.012 kOhm, 181.2 kOhm, 950.0 Ohm. */
    static String ohms(double ohms) {
        return ohms(rounded(ohms));
    }

    /**
     * A resistance already rounded with the language's unit, its digits unchanged: the text reads back
     * as exactly {@code ohms}. Rounded first, so that 999.96 kOhm becomes 1.000 MOhm rather than 1000 kOhm.
     */
    static String ohms(BigDecimal ohms) {
        int power = 0;
        while (power < PREFIXES.length - 1 && ohms.movePointLeft(3 * power).abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            power++;
        }
        return ohms.movePointLeft(3 * power).toPlainString() + " " + PREFIXES[power] + "Ohm";
    }

    /** A slope in ln R per decade as the percentage of the median it changes: +2.03 %. */
    static String percent(double lnPerDecade) {
        return String.format(Locale.ROOT, "%+.2f %%", 100 * lnPerDecade);
    }

    /** A signed number with four decimals: +0.0105. */
    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }

    /** A decimal with its sign: +2.02, -3.95, +0.00. */
    static String signed(BigDecimal value) {
        return (value.signum() < 0 ? "" : "+") + value.toPlainString();
    }

    /** A probability: 0.771, 0.042, < 0.001. */
    static String probability(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
