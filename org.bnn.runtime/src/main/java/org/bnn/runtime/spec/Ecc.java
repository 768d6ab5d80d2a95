package org.bnn.runtime.spec;

/** Error-correcting code of a 1T1R array (docs/architecture.md, "Cells and the PCSA"). */
public enum Ecc {
    NONE("none", 0, 0),
    /** Extended Hamming SECDED: 64 data bits + 8 check bits per word. */
    SECDED_72_64("secded(72,64)", 72, 64);

    private final String label;
    private final int wordBits;
    private final int dataBits;

    Ecc(String label, int wordBits, int dataBits) {
        this.label = label;
        this.wordBits = wordBits;
        this.dataBits = dataBits;
    }

    public String label() {
        return label;
    }

    /** Cells per code word (0 without ECC). */
    public int wordBits() {
        return wordBits;
    }

    /** Weights per code word (0 without ECC). */
    public int dataBits() {
        return dataBits;
    }
}
