package org.bnn.report.format;

/** An SI unit of energy, picked so that the numbers shown are between 1 and 1000. */
public enum EnergyUnit {
    FEMTOJOULE("fJ", 1e-15),
    PICOJOULE("pJ", 1e-12),
    NANOJOULE("nJ", 1e-9),
    MICROJOULE("µJ", 1e-6),
    MILLIJOULE("mJ", 1e-3),
    JOULE("J", 1);

    private final String symbol;
    private final double joules;

    EnergyUnit(String symbol, double joules) {
        this.symbol = symbol;
        this.joules = joules;
    }

    public String symbol() {
        return symbol;
    }

    /** The value in this unit of an energy in joules. */
    public double of(double joules) {
        return joules / this.joules;
    }

    /**
     * The largest unit in which {@code largestJoules} is at least 1 (femtojoules below that, and
     * picojoules for 0, the scale of a single sense).
     */
    public static EnergyUnit forLargest(double largestJoules) {
        if (!(largestJoules > 0)) {
            return PICOJOULE;
        }
        EnergyUnit[] units = values();
        for (int i = units.length - 1; i > 0; i--) {
            // A relative tolerance, so that exactly 1 nJ computed as 1e-9 * (1 - ulp) still reads 1 nJ.
            if (largestJoules >= units[i].joules * (1 - 1e-12)) {
                return units[i];
            }
        }
        return FEMTOJOULE;
    }
}
