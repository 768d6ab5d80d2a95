package org.bnn.runtime.weights;

import java.util.Locale;

/**
 * The NumPy element types the weight files use, with their {@code descr} strings (little-endian
 * where the size is more than one byte; big-endian files are rejected).
 */
public enum NpyType {
    BOOL("|b1", 1),
    UINT8("|u1", 1),
    INT8("|i1", 1),
    INT32("<i4", 4),
    INT64("<i8", 8),
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8);

    private final String descr;
    private final int bytes;

    NpyType(String descr, int bytes) {
        this.descr = descr;
        this.bytes = bytes;
    }

    /** The NumPy descr, e.g. {@code "<f4"}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** True for the floating-point types. */
    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /**
     * The type of a descr, or null if not supported: one-byte types with any order character
     * ('|', '<', '>', '='), wider ones only little-endian ('<', what NumPy writes on x86 and ARM).
     */
    static NpyType of(String descr) {
        if (descr.length() != 3) {
            return null;
        }
        char order = descr.charAt(0);
        String kind = descr.substring(1).toLowerCase(Locale.ROOT);
        for (NpyType type : values()) {
            if (type.descr.substring(1).equals(kind)) {
                boolean orderOk = type.bytes == 1 ? "|<>=".indexOf(order) >= 0 : order == '<';
                return orderOk ? type : null;
            }
        }
        return null;
    }
}
