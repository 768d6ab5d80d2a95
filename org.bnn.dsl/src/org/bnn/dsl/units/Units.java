package org.bnn.dsl.units;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.aging.Relaxation;

/**
 * Unit symbols with SI prefixes: {@code kOhm}, {@code fJ}, {@code uA}, {@code MHz}, {@code ns},
 * {@code KiB}, {@code %}. A symbol resolves to a dimension and the factor to SI.
 */
public final class Units {
    /** A unit: its dimension, and value·factor + offset is the value in the SI unit of that dimension. */
    public record Unit(Dimension dimension, double factor, double offset) {
        public Unit(Dimension dimension, double factor) {
            this(dimension, factor, 0);
        }
    }

    /**
     * Units outside SI that researchers write, without prefixes: durations of aging studies (a year
     * is 365.25 days), degrees Celsius, and electronvolts for activation energies (CODATA 2018, exact).
     */
    private static final Map<String, Unit> WHOLE = Map.ofEntries(Map.entry("min", new Unit(Dimension.TIME, Durations.MINUTE)),
            Map.entry("h", new Unit(Dimension.TIME, Durations.HOUR)), Map.entry("day", new Unit(Dimension.TIME, Durations.DAY)),
            Map.entry("days", new Unit(Dimension.TIME, Durations.DAY)), Map.entry("year", new Unit(Dimension.TIME, Durations.YEAR)),
            Map.entry("years", new Unit(Dimension.TIME, Durations.YEAR)),
            Map.entry("C", new Unit(Dimension.TEMPERATURE, 1, Condition.CELSIUS_ZERO_KELVIN)),
            Map.entry("eV", new Unit(Dimension.ENERGY, Relaxation.JOULES_PER_ELECTRONVOLT)));

    private static final Map<String, Dimension> BASES = new LinkedHashMap<>();
    private static final Map<String, Double> PREFIXES = new LinkedHashMap<>();
    private static final Map<String, Double> BINARY_PREFIXES = Map.of("Ki", 1024.0, "Mi", 1024.0 * 1024, "Gi", 1024.0 * 1024 * 1024);

    static {
        BASES.put("Ohm", Dimension.RESISTANCE);
        BASES.put("ohm", Dimension.RESISTANCE);
        BASES.put("Hz", Dimension.FREQUENCY);
        BASES.put("A", Dimension.CURRENT);
        BASES.put("V", Dimension.VOLTAGE);
        BASES.put("s", Dimension.TIME);
        BASES.put("J", Dimension.ENERGY);
        BASES.put("W", Dimension.POWER);
        BASES.put("m", Dimension.LENGTH);
        BASES.put("B", Dimension.DATA);
        BASES.put("K", Dimension.TEMPERATURE);
        PREFIXES.put("f", 1e-15);
        PREFIXES.put("p", 1e-12);
        PREFIXES.put("n", 1e-9);
        PREFIXES.put("u", 1e-6);
        PREFIXES.put("m", 1e-3);
        PREFIXES.put("k", 1e3);
        PREFIXES.put("M", 1e6);
        PREFIXES.put("G", 1e9);
        PREFIXES.put("T", 1e12);
    }

    private Units() {
    }

    /** The unit a symbol denotes, or empty if it is not a known unit. */
    public static Optional<Unit> parse(String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            return Optional.empty();
        }
        if (symbol.equals("%")) {
            return Optional.of(new Unit(Dimension.RATIO, 0.01));
        }
        Unit whole = WHOLE.get(symbol);
        if (whole != null) {
            return Optional.of(whole);
        }
        Dimension exact = BASES.get(symbol);
        if (exact != null) {
            return Optional.of(new Unit(exact, 1.0));
        }
        for (Map.Entry<String, Double> prefix : BINARY_PREFIXES.entrySet()) {
            if (symbol.equals(prefix.getKey() + "B")) {
                return Optional.of(new Unit(Dimension.DATA, prefix.getValue()));
            }
        }
        for (Map.Entry<String, Double> prefix : PREFIXES.entrySet()) {
            if (symbol.startsWith(prefix.getKey())) {
                Dimension base = BASES.get(symbol.substring(prefix.getKey().length()));
                if (base != null) {
                    return Optional.of(new Unit(base, prefix.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The symbol of {@code dimension} with the prefix of {@code written} kept where it has one
     * ("kV" for a resistance gives "kOhm"); the bare SI symbol otherwise.
     */
    public static String withPrefixOf(String written, Dimension dimension) {
        if (dimension.symbol().isEmpty()) {
            return "";
        }
        for (String prefix : PREFIXES.keySet()) {
            if (written != null && written.startsWith(prefix) && written.length() > prefix.length()
                    && BASES.containsKey(written.substring(prefix.length()))) {
                return prefix + dimension.symbol();
            }
        }
        return dimension.symbol();
    }

    /** Examples of valid symbols for a dimension, for messages and quick fixes. */
    public static String examples(Dimension dimension) {
        return switch (dimension) {
            case RESISTANCE -> "Ohm, kOhm, MOhm";
            case CURRENT -> "A, mA, uA, nA";
            case VOLTAGE -> "V, mV";
            case TIME -> "s, ms, us, ns, min, h, day, year";
            case FREQUENCY -> "Hz, kHz, MHz, GHz";
            case ENERGY -> "J, nJ, pJ, fJ, eV";
            case POWER -> "W, mW, uW";
            case LENGTH -> "m, um, nm";
            case DATA -> "B, KiB, MiB";
            case TEMPERATURE -> "K, C";
            case RATIO -> "no unit, or %";
            case COUNT -> "no unit";
        };
    }
}
