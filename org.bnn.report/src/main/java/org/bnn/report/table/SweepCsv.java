package org.bnn.report.table;

import java.util.ArrayList;
import java.util.List;

import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.bnn.report.format.Numbers;

/**
 * CSV of BER series: one row per point with its statistics, and a long table with one row per
 * trial (the form plotting and statistics tools read directly). Values are shares in [0, 1].
 */
public final class SweepCsv {
    public static final List<String> POINT_COLUMNS = List.of("series", "ber", "mean", "std", "ci95_half_width", "trials");
    public static final List<String> TRIAL_COLUMNS = List.of("series", "ber", "trial", "value");

    private SweepCsv() {
    }

    /** One row per point: mean, sample standard deviation, 95 % CI half-width, number of trials. */
    public static String points(List<BerSeries> series) {
        List<List<String>> rows = new ArrayList<>();
        for (BerSeries s : series) {
            for (BerPoint p : s.points()) {
                rows.add(List.of(s.label(), Numbers.exact(p.ber()), Numbers.exact(p.mean()), Numbers.exact(p.standardDeviation()),
                        Numbers.exact(p.confidence95()), Integer.toString(p.trials())));
            }
        }
        return CsvTable.write(POINT_COLUMNS, rows);
    }

    /** One row per trial (numbered from 1). */
    public static String trials(List<BerSeries> series) {
        List<List<String>> rows = new ArrayList<>();
        for (BerSeries s : series) {
            for (BerPoint p : s.points()) {
                double[] values = p.perTrial();
                for (int t = 0; t < values.length; t++) {
                    rows.add(List.of(s.label(), Numbers.exact(p.ber()), Integer.toString(t + 1), Numbers.exact(values[t])));
                }
            }
        }
        return CsvTable.write(TRIAL_COLUMNS, rows);
    }
}
