package org.bnn.calibration.fit;

/** A closed confidence interval [lower, upper]. */
public record Interval(double lower, double upper) {
    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("an interval needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
