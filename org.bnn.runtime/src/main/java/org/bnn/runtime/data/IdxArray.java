package org.bnn.runtime.data;

import java.util.Arrays;

/** The content of one IDX file of unsigned bytes: its dimensions and its values in row-major order. */
public record IdxArray(int[] dimensions, byte[] values) {
    public IdxArray {
        dimensions = dimensions.clone();
        long size = 1;
        for (int d : dimensions) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("IDX dimensions " + Arrays.toString(dimensions) + " need " + size + " values, got "
                    + values.length);
        }
    }

    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** Number of items: the first dimension. */
    public int items() {
        return dimensions[0];
    }

    /** The unsigned value at flat index i. */
    public int unsigned(int i) {
        return values[i] & 0xFF;
    }
}
