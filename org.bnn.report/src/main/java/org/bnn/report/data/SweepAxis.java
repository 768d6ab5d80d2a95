package org.bnn.report.data;

import java.util.Locale;

import org.bnn.report.format.Numbers;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.checks.Checks;

/**
 * What the x of a report's curves is: the weights' bit error rate, or how long and how hard the
 * devices were used (time since programming, program cycles, reads), each on a log axis that can
 * also show 0. It names the files, columns, headers and the plot's axis.
 */
public enum SweepAxis {
    /** Bit error rate of the weights, in [0, 1]. */
    BER("ber", "BER", "bit error rate", "Bit error rate of the weights (log scale)"),
    /** Time since programming, in seconds. */
    TIME("seconds", "time", "time since programming", "Time since programming, s (log scale)"),
    /** Program cycles endured. */
    CYCLES("cycles", "cycles", "program cycles", "Program cycles (log scale)"),
    /** Reads since programming. */
    READS("reads", "reads", "reads", "Reads since programming (log scale)"),
    /** The probability that a device is stuck, in [0, 1]. */
    STUCK("stuck_probability", "stuck", "stuck devices", "Probability that a device is stuck (log scale)");

    private final String column;
    private final String header;
    private final String description;
    private final String axisLabel;

    SweepAxis(String column, String header, String description, String axisLabel) {
        this.column = column;
        this.header = header;
        this.description = description;
        this.axisLabel = axisLabel;
    }

    /** The files of the curves: accuracy-vs-ber, accuracy-vs-time, ... */
    public String fileStem() {
        return this == STUCK ? "vs-stuck" : "accuracy-vs-" + (this == BER ? "ber" : name().toLowerCase(Locale.ROOT));
    }

    /** The CSV and JSON column of x. */
    public String column() {
        return column;
    }

    /** The Markdown table's header of x. */
    public String header() {
        return header;
    }

    /** What x is, in a sentence: "Accuracy vs {description}". */
    public String description() {
        return description;
    }

    /** The plot's x axis label. */
    public String axisLabel() {
        return axisLabel;
    }

    /** x as a table shows it: "1.0e-04", "1 day", "1e6". */
    public String format(double x) {
        return switch (this) {
            case BER -> Numbers.ber(x);
            case TIME -> Durations.label(x);
            case CYCLES, READS, STUCK -> Condition.countLabel(x);
        };
    }

    /** Checks that {@code x} can be a point on this axis. */
    public double check(String record, double x) {
        return this == BER || this == STUCK ? Checks.probability(record, column, x) : Checks.nonNegativeFinite(record, column, x);
    }
}
