package org.bnn.report.table;

import java.util.ArrayList;
import java.util.List;

import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.bnn.report.data.SweepAxis;
import org.bnn.report.format.Numbers;

/**
 * CSV of series over a {@link SweepAxis} (the BER, time, cycles, reads): one row per point with its statistics, and a long table with one row per
 * trial (the form plotting and statistics tools read directly). Values are shares in [0, 1].
 */
public final class SweepCsv {

    private SweepCsv() {
    }

    /** The columns of {@link #points} over {@code axis}. */
    public static List<String> pointColumns(SweepAxis axis) {
        return List.of("series", axis.column(), "mean", "std", "ci95_half_width", "trials");
    }

    /** The columns of {@link #trials} over {@code axis}. */
    public static List<String> trialColumns(SweepAxis axis) {
        return List.of("series", axis.column(), "trial", "value");
    }

    /** One row per point over {@code axis}: mean, sample standard deviation, 95 % CI half-width, number of trials. */
    public static String points(List<BerSeries> series, SweepAxis axis) {
        List<List<String>> rows = new ArrayList<>();
        for (BerSeries s : series) {
            for (BerPoint p : s.points()) {
                rows.add(List.of(s.label(), Numbers.exact(p.ber()), Numbers.exact(p.mean()), Numbers.exact(p.standardDeviation()),
                        Numbers.exact(p.confidence95()), Integer.toString(p.trials())));
            }
        }
        return CsvTable.write(pointColumns(axis), rows);
    }

    /** One row per trial (numbered from 1) over {@code axis}. */
    public static String trials(List<BerSeries> series, SweepAxis axis) {
        List<List<String>> rows = new ArrayList<>();
        for (BerSeries s : series) {
            for (BerPoint p : s.points()) {
                double[] values = p.perTrial();
                for (int t = 0; t < values.length; t++) {
                    rows.add(List.of(s.label(), Numbers.exact(p.ber()), Integer.toString(t + 1), Numbers.exact(values[t])));
                }
            }
        }
        return CsvTable.write(trialColumns(axis), rows);
    }
}
