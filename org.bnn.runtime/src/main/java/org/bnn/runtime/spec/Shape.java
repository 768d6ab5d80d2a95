package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;

/** Height × width × channels of an activation map; a flat vector is 1 × 1 × n. */
public record Shape(int height, int width, int channels) {
    public Shape {
        Checks.positive("Shape", "height", height);
        Checks.positive("Shape", "width", width);
        Checks.positive("Shape", "channels", channels);
    }

    /** A flat vector of n values. */
    public static Shape flat(int n) {
        return new Shape(1, 1, n);
    }

    /** Number of values. */
    public long size() {
        return (long) height * width * channels;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
