package org.bnn.calibration.measurements;

import java.util.List;

/**
 * The resistances measured under one {@link GroupKey}, in file order.
 *
 * @param key       what the group's devices share
 * @param firstLine the line of the group's first measurement in the file
 * @param ohms      the measured resistances, in ohms, each positive and finite
 */
public record MeasurementGroup(GroupKey key, int firstLine, List<Double> ohms) {
    public MeasurementGroup {
        ohms = List.copyOf(ohms);
    }

    /** ln R of every measurement: the values the log-normal model says are normal. */
    public double[] lnOhms() {
        return ohms.stream().mapToDouble(Math::log).toArray();
    }
}
