package org.bnn.runtime.spec;

/** How one binary weight is stored in the array. */
public enum CellKind {
    /**
     * Two transistors, two resistors: the weight is a complementary pair (LRS/HRS) on the bit
     * lines BL/BLb of one column, read differentially by a precharge sense amplifier that also
     * computes the XNOR with the input bit (Hirtzlin et al., arXiv 1908.04066).
     */
    TWO_T_TWO_R("2T2R"),
    /** One transistor, one resistor: the weight is one device, read against a reference resistance. */
    ONE_T_ONE_R("1T1R");

    private final String label;

    CellKind(String label) {
        this.label = label;
    }

    /** The kind whose {@link #label()} is {@code label}. */
    public static CellKind fromLabel(String label) {
        for (CellKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown cell kind \"" + label + "\"");
    }

    /** The name used in {@code .bnn} files and reports. */
    public String label() {
        return label;
    }
}
