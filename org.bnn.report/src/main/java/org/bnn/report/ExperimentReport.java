package org.bnn.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bnn.report.data.FromRuntime;
import org.bnn.report.data.SweepAxis;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.experiment.AgeAxis;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.OutputLocation;
import org.bnn.runtime.experiment.OwnedFolder;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.spec.MappingSpec;

/**
 * The report of one experiment run, as its {@code report} clause asks: a BER sweep gives the
 * accuracy-vs-BER table and plot (a curve per mapping), a regime sweep the regime comparison (BER,
 * accuracy, programming energy, endurance, energy per inference) or, run on several mappings, the
 * comparison of mappings across regimes (table and plot), a sweep over time, cycles or reads the
 * curves over a log axis of it (and, over time, the refresh plans), a layer sweep the per-layer table; every
 * report has the energy per inference by layer and component (of the first mapping), and JSON with
 * the fully resolved experiment.
 */
public final class ExperimentReport {
    private ExperimentReport() {
    }

    /**
     * Writes the files into the folder of the experiment's {@code report} clause, resolved against
     * {@code base} (the description's folder), and returns them. The folder must lie inside the
     * description's project or an allowed extra root ({@link OutputLocation}); this is checked here,
     * at write time, whatever validated the description.
     *
     * @throws IllegalArgumentException if the experiment has no report clause
     * @throws org.bnn.runtime.experiment.OutputFolderException if the folder lies outside, or holds files the tool did not write
     */
    public static List<Path> writeInProject(ExperimentSpec spec, List<SweepPoint> points, Path base) throws IOException {
        ReportSpec report = spec.report()
                .orElseThrow(() -> new IllegalArgumentException("experiment " + spec.name() + " has no report clause"));
        return write(spec, points, OutputLocation.checked(base, report.folder(), "report folder"));
    }

    /**
     * Checks, before a sweep runs, that its report may be written: the folder lies inside the
     * project (or an allowed root) and is new, empty or the tool's; it is created with its marker.
     * A refusal then costs nothing, instead of the whole sweep.
     *
     * @throws org.bnn.runtime.experiment.OutputFolderException if the folder may not be written
     */
    public static void claimInProject(ExperimentSpec spec, Path base) throws IOException {
        for (ReportSpec report : spec.report().stream().toList()) {
            OwnedFolder.claim(OutputLocation.checked(base, report.folder(), "report folder"));
        }
    }

    /** Writes the files into {@code folder}, which must be new, empty or the tool's, and returns them. */
    public static List<Path> write(ExperimentSpec spec, List<SweepPoint> points, Path folder) throws IOException {
        Set<ReportFormat> formats = formats(spec);
        boolean labelled = !points.isEmpty() && points.get(0).accuracy().isPresent();
        // The popcount-domain mode is exact in distribution only: the title says so wherever it shows (page, plots).
        String sampling = spec.errors().sampling() == Sampling.POPCOUNT_DOMAIN ? ", errors sampled in the popcount domain" : "";
        String mappings = String.join(", ", spec.mappings().stream().map(MappingSpec::name).toList());
        Report.Builder report = Report.builder(spec.name() + " (" + mappings + ")" + sampling)
                .quantity(labelled ? "Accuracy" : "Agreement with the error-free chip")
                .description(FromRuntime.description(spec))
                .seed("experiment", spec.seed())
                .energy(FromRuntime.energy(Estimator.estimate(spec.mapping())));
        List<Path> written = new ArrayList<>();
        boolean several = spec.mappings().size() > 1;
        if (spec.sweep() instanceof SweepSpec.Ber) {
            for (MappingSpec mapping : spec.mappings()) {
                String label = several ? mapping.name() + " (" + mapping.cellLabel() + ")" : mapping.network().name();
                report.series(FromRuntime.series(label, of(mapping, points)));
            }
        } else {
            if (spec.sweep() instanceof SweepSpec.Regimes regimes && several) {
                // Regime by regime, the mappings side by side.
                for (String regime : regimes.regimes()) {
                    for (MappingSpec mapping : spec.mappings()) {
                        for (SweepPoint point : of(mapping, points)) {
                            if (point.label().equals(regime)) {
                                report.comparison(FromRuntime.comparisonRow(Estimator.estimate(mapping.withRegime(regime)), point));
                            }
                        }
                    }
                }
            } else if (spec.sweep() instanceof SweepSpec.Regimes) {
                for (SweepPoint point : points) {
                    MappingSpec underRegime = spec.mapping().withRegime(point.label());
                    report.regime(FromRuntime.regimeRow(Estimator.estimate(underRegime), point.ber(), FromRuntime.point(point)));
                }
            } else if (spec.sweep() instanceof SweepSpec.Ages ages && ages.axis() != AgeAxis.TEMPERATURE) {
                // Curves over a log axis of time, cycles or reads, one per mapping (temperatures: the table only).
                report.axis(SweepAxis.valueOf(ages.axis().name()));
                for (MappingSpec mapping : spec.mappings()) {
                    String label = several ? mapping.name() : mapping.network().name();
                    report.series(FromRuntime.series(label, of(mapping, points), ages.points()));
                }
            } else if (spec.sweep() instanceof SweepSpec.StuckDevices faults) {
                // The yield when a target is given (each chip good or not), else the accuracy, over the stuck-at probability.
                report.axis(SweepAxis.STUCK);
                faults.yieldAbove().ifPresent(target -> report.quantity("Yield: chips at or above " + Condition.countLabel(100 * target)
                        + " % " + (labelled ? "accuracy" : "agreement")));
                for (MappingSpec mapping : spec.mappings()) {
                    String label = several
                            ? mapping.name() + (mapping.chip().tile().spareColumns() > 0
                                    ? " (" + mapping.chip().tile().spareColumns() + " spare columns)"
                                    : "")
                            : mapping.network().name();
                    report.series(faults.yieldAbove().isPresent()
                            ? FromRuntime.yieldSeries(label, of(mapping, points), faults.points(), faults.yieldAbove().getAsDouble())
                            : FromRuntime.series(label, of(mapping, points), faults.points()));
                }
            }
            // Named points (regimes, layers) as a table of their own: csv, json, md.
            if (formats.contains(ReportFormat.CSV) || formats.contains(ReportFormat.JSON) || formats.contains(ReportFormat.MD)) {
                written.addAll(SweepReport.write(folder, "bnn " + ToolVersion.current(), spec, points));
            }
        }
        written.addAll(new ReportWriter(formats).write(report.build(), folder));
        return written;
    }

    /** The points run on {@code mapping}, in order. */
    private static List<SweepPoint> of(MappingSpec mapping, List<SweepPoint> points) {
        return points.stream().filter(p -> p.mapping().equals(mapping.name())).toList();
    }

    private static Set<ReportFormat> formats(ExperimentSpec spec) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        spec.report().map(ReportSpec::formats).orElse(Set.of()).forEach(format -> formats.add(ReportFormat.valueOf(format.name())));
        return formats;
    }
}
