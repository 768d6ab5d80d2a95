package org.bnn.runtime.estimate;

/** Where the energy of an inference goes, each with the event it is counted per. */
public enum EnergyComponent {
    SENSE("sense", "per sense"),
    POPCOUNT("popcount", "per input bit"),
    PARTIAL_SUMS("partial sums", "per addition"),
    THRESHOLD("threshold", "per compare"),
    ECC("ECC decode", "per word"),
    BUFFER("buffer", "per bit accessed");

    private final String label;
    private final String unit;

    EnergyComponent(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    /** The event the unit energy is given per. */
    public String unit() {
        return unit;
    }
}
