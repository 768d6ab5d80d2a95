package org.bnn.calibration.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bnn.calibration.fit.AgingFit;
import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.fit.Interval;
import org.bnn.calibration.fit.LillieforsTest;
import org.bnn.calibration.fit.LogNormalFit;
import org.bnn.calibration.fit.Trend;
import org.bnn.calibration.measurements.GroupKey;
import org.bnn.calibration.measurements.MeasurementsCsv;
import org.bnn.calibration.measurements.Numbers;

/** The plain-text report of a calibration: one row per fitted group, then one per aging series. */
public final class CalibrationReport {
    private CalibrationReport() {
    }

    public static String text(Calibration calibration) {
        String level = level(calibration);
        boolean cycles = calibration.measurements().columns().contains(MeasurementsCsv.CYCLES);
        boolean times = calibration.measurements().hasTimes();
        StringBuilder text = new StringBuilder();
        text.append(calibration.measurements().file()).append(": ").append(calibration.measurements().count())
                .append(" measurements in ").append(calibration.fits().size()).append(" groups; ").append(level)
                .append(" confidence intervals\n\n");
        text.append("Log-normal fits: median = exp(mean of ln R) and sigma of ln R by maximum likelihood; CIs from the t\n")
                .append("and chi-square distributions. Normality of ln R: Lilliefors test (Kolmogorov-Smirnov D with the\n")
                .append("mean and sigma estimated, p from ").append(LillieforsTest.REPLICATES)
                .append(" simulated normal samples of the same size).\n\n");
        List<String> header = new ArrayList<>(List.of("regime", "state"));
        if (cycles) {
            header.add("cycles");
        }
        if (times) {
            header.add("seconds");
        }
        header.addAll(List.of("n", "median", level + " CI", "sigma", level + " CI", "KS D", "p", "verdict"));
        TextTable groups = new TextTable(header);
        for (LogNormalFit fit : calibration.fits()) {
            GroupKey key = fit.group().key();
            List<String> row = new ArrayList<>(List.of(key.regime(), key.state().label()));
            if (cycles) {
                row.add(Long.toString(key.cycles()));
            }
            if (times) {
                row.add(Numbers.plain(key.seconds()));
            }
            row.addAll(List.of(Integer.toString(fit.n()), Figures.ohms(fit.estimate().medianOhms()),
                    "[" + Figures.ohms(fit.median().lower()) + ", " + Figures.ohms(fit.median().upper()) + "]",
                    Figures.significant(fit.estimate().sigma()), interval(fit.sigma()),
                    String.format(Locale.ROOT, "%.4f", fit.normality().statistic()),
                    Figures.probability(fit.normality().pValue()), verdict(fit, calibration)));
            groups.add(row);
        }
        text.append(groups.text());
        if (!calibration.aging().isEmpty()) {
            text.append('\n').append(aging(calibration, cycles, level));
        }
        return text.toString();
    }

    /** The confidence level as a percentage: "95 %". */
    static String level(Calibration calibration) {
        return Numbers.plain(Math.round(calibration.confidence() * 1e6) / 1e4) + " %";
    }

    /** Whether the group's ln R passed the normality test at the calibration's significance level. */
    static String verdict(LogNormalFit fit, Calibration calibration) {
        String alpha = Numbers.plain(Math.round(calibration.significance() * 1e6) / 1e4) + " %";
        return fit.normality().rejects(calibration.significance())
                ? "NOT log-normal (rejected at " + alpha + ")"
                : "log-normal (not rejected at " + alpha + ")";
    }

    private static String aging(Calibration calibration, boolean cycles, String level) {
        AgingFit first = calibration.aging().get(0);
        StringBuilder text = new StringBuilder();
        text.append("Aging over time, t0 = ").append(Numbers.plain(first.t0Seconds()))
                .append(" s (the earliest time in the file):\n")
                .append("  ln median(t) = ln median(t0) + drift * log10(t/t0),  sigma(t) = sigma(t0) + growth * log10(t/t0).\n")
                .append("Weighted least squares over log10(t/t0) of each time's fit; +- one standard error; drift in % of the\n")
                .append("median per decade (slope of ln median); line p: chi-square test of the straight line (3+ times).\n\n");
        List<String> header = new ArrayList<>(List.of("regime", "state"));
        if (cycles) {
            header.add("cycles");
        }
        header.addAll(List.of("times", "drift per decade", level + " CI", "line p", "sigma growth per decade", level + " CI",
                "line p"));
        TextTable table = new TextTable(header);
        for (AgingFit aging : calibration.aging()) {
            GroupKey key = aging.series();
            List<String> row = new ArrayList<>(List.of(key.regime(), key.state().label()));
            if (cycles) {
                row.add(Long.toString(key.cycles()));
            }
            Trend drift = aging.drift();
            Interval driftCi = drift.slopeInterval(calibration.confidence());
            Trend growth = aging.growth();
            Interval growthCi = growth.slopeInterval(calibration.confidence());
            row.addAll(List.of(Integer.toString(aging.times().size()),
                    Figures.percent(drift.slope()) + " +- " + Figures.percent(drift.standardError()).substring(1),
                    "[" + Figures.percent(driftCi.lower()) + ", " + Figures.percent(driftCi.upper()) + "]",
                    linearity(drift), Figures.signed(growth.slope()) + " +- " + Figures.signed(growth.standardError()).substring(1),
                    "[" + Figures.signed(growthCi.lower()) + ", " + Figures.signed(growthCi.upper()) + "]", linearity(growth)));
            table.add(row);
        }
        return text.append(table.text()).toString();
    }

    private static String interval(Interval interval) {
        return "[" + Figures.significant(interval.lower()) + ", " + Figures.significant(interval.upper()) + "]";
    }

    private static String linearity(Trend trend) {
        return Double.isNaN(trend.linearityPValue()) ? "-" : Figures.probability(trend.linearityPValue());
    }
}
