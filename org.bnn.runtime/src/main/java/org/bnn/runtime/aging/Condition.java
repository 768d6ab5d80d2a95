package org.bnn.runtime.aging;

import java.math.BigDecimal;
import java.math.MathContext;

import org.bnn.runtime.checks.Checks;

/**
 * When and how a programmed chip is read: the time since it was programmed and the temperature it
 * spent it at, the program cycles its devices had endured before, and the reads made since.
 *
 * @param seconds time since programming, in seconds (0: at once)
 * @param kelvin  temperature during that time, in kelvins
 * @param cycles  program (SET/RESET) cycles every device endured, counting this programming
 * @param reads   reads of every cell since programming
 */
public record Condition(double seconds, double kelvin, double cycles, double reads) {
    /** 0 °C in kelvins (exact by definition). */
    public static final double CELSIUS_ZERO_KELVIN = 273.15;
    /** Room temperature, 25 °C, in kelvins: the default temperature of a condition. */
    public static final double ROOM_KELVIN = CELSIUS_ZERO_KELVIN + 25;

    /** Read at once after a first programming at room temperature, never read before. */
    public static final Condition FRESH = new Condition(0, ROOM_KELVIN, 1, 0);

    public Condition {
        Checks.nonNegativeFinite("Condition", "seconds", seconds);
        Checks.positiveFinite("Condition", "kelvin", kelvin);
        Checks.nonNegativeFinite("Condition", "cycles", cycles);
        Checks.nonNegativeFinite("Condition", "reads", reads);
    }

    public Condition withSeconds(double other) {
        return new Condition(other, kelvin, cycles, reads);
    }

    public Condition withKelvin(double other) {
        return new Condition(seconds, other, cycles, reads);
    }

    public Condition withCycles(double other) {
        return new Condition(seconds, kelvin, other, reads);
    }

    public Condition withReads(double other) {
        return new Condition(seconds, kelvin, cycles, other);
    }

    /** "at 1 h, 85 C, 1e6 cycles, 1e9 reads": the time, then the parts that differ from {@link #FRESH}, for messages. */
    public String describe() {
        StringBuilder text = new StringBuilder("at ").append(Durations.label(seconds));
        if (kelvin != ROOM_KELVIN) {
            text.append(", ").append(celsiusLabel(kelvin));
        }
        if (cycles != 1) {
            text.append(", ").append(countLabel(cycles)).append(" cycles");
        }
        if (reads != 0) {
            text.append(", ").append(countLabel(reads)).append(" reads");
        }
        return text.toString();
    }

    /** A temperature in kelvins as people write it, in °C: 358.15 → "85 C". */
    public static String celsiusLabel(double kelvin) {
        return BigDecimal.valueOf(kelvin - CELSIUS_ZERO_KELVIN).round(new MathContext(6)).stripTrailingZeros().toPlainString() + " C";
    }

    /** A count as people write it: 1000 → "1000", 1e6 → "1e6", 2.5e9 → "2.5e9". */
    public static String countLabel(double count) {
        if (count < 1e4 && count == Math.rint(count)) {
            return Long.toString((long) count);
        }
        return BigDecimal.valueOf(count).round(new MathContext(3)).stripTrailingZeros().toString().replace("E+", "e").replace("E", "e");
    }
}
