package org.bnn.dsl.units;

/** Physical dimensions of the language's quantities, each with its SI unit symbol. */
public enum Dimension {
    RESISTANCE("Ohm", "a resistance"),
    CURRENT("A", "a current"),
    VOLTAGE("V", "a voltage"),
    TIME("s", "a time"),
    FREQUENCY("Hz", "a frequency"),
    ENERGY("J", "an energy"),
    POWER("W", "a power"),
    LENGTH("m", "a length"),
    DATA("B", "an amount of data"),
    /** Kelvins, or degrees Celsius ({@code 85 C}). */
    TEMPERATURE("K", "a temperature"),
    /** A plain number that may be written in percent (sigma of ln R, probabilities). */
    RATIO("", "a plain number or a percentage"),
    /** A count: a plain number, no unit. */
    COUNT("", "a plain number");

    private final String symbol;
    private final String description;

    Dimension(String symbol, String description) {
        this.symbol = symbol;
        this.description = description;
    }

    /** The SI base symbol ("" for dimensionless). */
    public String symbol() {
        return symbol;
    }

    /** How a message names a value of this dimension ("a resistance"). */
    public String description() {
        return description;
    }
}
