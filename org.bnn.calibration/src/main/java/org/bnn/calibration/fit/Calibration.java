package org.bnn.calibration.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bnn.calibration.measurements.GroupKey;
import org.bnn.calibration.measurements.MeasurementGroup;
import org.bnn.calibration.measurements.Measurements;

/**
 * Everything fitted from one CSV of measurements.
 *
 * @param measurements the measurements
 * @param confidence   the confidence level of every interval (e.g. 0.95); 1 − confidence is also the
 *                     significance level of the normality verdicts
 * @param fits         one log-normal fit per group, in the groups' order
 * @param aging        one aging fit per series measured at two or more times, in the groups' order
 */
public record Calibration(Measurements measurements, double confidence, List<LogNormalFit> fits, List<AgingFit> aging) {
    public Calibration {
        fits = List.copyOf(fits);
        aging = List.copyOf(aging);
    }

    /** Fits every group of {@code measurements} with {@code confidence} intervals. */
    public static Calibration of(Measurements measurements, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        List<LogNormalFit> fits = new ArrayList<>();
        Map<GroupKey, List<LogNormalFit>> series = new LinkedHashMap<>();
        for (MeasurementGroup group : measurements.groups()) {
            LogNormalFit fit = LogNormalFit.of(group, confidence);
            fits.add(fit);
            series.computeIfAbsent(group.key().withoutTime(), key -> new ArrayList<>()).add(fit);
        }
        List<AgingFit> aging = new ArrayList<>();
        if (measurements.hasTimes()) {
            double t0 = measurements.groups().stream().mapToDouble(group -> group.key().seconds()).min().orElseThrow();
            series.forEach((key, times) -> {
                if (times.size() >= 2) {
                    aging.add(AgingFit.of(key, t0, times));
                }
            });
        }
        return new Calibration(measurements, confidence, fits, aging);
    }

    /** The significance level of the normality verdicts, 1 − confidence. */
    public double significance() {
        return 1 - confidence;
    }
}
