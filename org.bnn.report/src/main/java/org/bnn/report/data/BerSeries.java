package org.bnn.report.data;

import java.util.List;

import org.bnn.runtime.checks.Checks;

/**
 * One curve of an accuracy-vs-BER plot (e.g. the plain network, the error-aware one, or one
 * regime), its points in ascending BER order.
 *
 * @param label the name in legends, tables and files
 */
public record BerSeries(String label, List<BerPoint> points) {
    public BerSeries {
        Checks.name("BerSeries", "label", label);
        Checks.present("BerSeries(" + label + ")", "points", points);
        for (int i = 0; i < points.size(); i++) {
            Checks.present("BerSeries(" + label + ")", "points[" + i + "]", points.get(i));
        }
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("BerSeries(" + label + ").points must not be empty");
        }
        for (int i = 1; i < points.size(); i++) {
            if (!(points.get(i).ber() > points.get(i - 1).ber())) {
                throw new IllegalArgumentException("BerSeries(" + label + ").points must have ascending BERs, got "
                        + points.get(i - 1).ber() + " then " + points.get(i).ber());
            }
        }
    }
}
