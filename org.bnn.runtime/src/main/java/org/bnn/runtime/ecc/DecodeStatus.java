package org.bnn.runtime.ecc;

/** What the SECDED decoder concluded about a received codeword. */
public enum DecodeStatus {
    /** Zero syndrome: no error seen. */
    CLEAN,
    /** The syndrome pointed at one bit, which was inverted (wrong if three or more bits were in error). */
    CORRECTED,
    /** The syndrome matches no single-bit error (every double error lands here); data left as received. */
    UNCORRECTABLE
}
