package org.bnn.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.report.json.ReportJson;
import org.bnn.report.data.SweepAxis;
import org.bnn.report.plot.AccuracyChart;
import org.bnn.report.plot.ChartFiles;
import org.bnn.report.plot.ComparisonChart;
import org.bnn.report.plot.EnergyChart;
import org.bnn.report.plot.PlotSize;
import org.bnn.report.table.ComparisonCsv;
import org.bnn.report.table.EnergyCsv;
import org.bnn.report.table.RegimeCsv;
import org.bnn.report.table.ReportMarkdown;
import org.bnn.report.table.SweepCsv;
import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.experiment.OwnedFolder;
import org.jfree.chart.JFreeChart;

/**
 * Writes a {@link Report} into a folder, in the selected formats. The folder must be new, empty or
 * already the tool's (it carries the marker of {@link OwnedFolder}); files of absent parts are not
 * written; existing files of the same names are replaced. The same report gives the same bytes
 * for CSV, JSON, Markdown and SVG (and, with the same Java and fonts, PNG).
 *
 * <pre>
 * accuracy-vs-ber.csv          csv   one row per series and BER: mean, std, 95 % CI half-width, trials
 *                                    (accuracy-vs-time, -cycles, -reads: the same over a {@link SweepAxis})
 * accuracy-vs-ber-trials.csv   csv   one row per trial
 * energy-per-inference.csv     csv   one row per layer, joules per component
 * regimes.csv                  csv   one row per regime
 * comparison.csv               csv   one row per regime and mapping (an experiment run on several mappings)
 * report.json                  json  all of the above with the description, seeds and tool version
 * report.md                    md    the tables for people, linking the plots
 * accuracy-vs-ber.png/.svg     png/svg
 * energy-per-inference.png/.svg
 * comparison.png/.svg
 * </pre>
 */
public final class ReportWriter {
    public static final String ACCURACY = "accuracy-vs-ber";
    public static final String ACCURACY_TRIALS = "accuracy-vs-ber-trials";
    public static final String ENERGY = "energy-per-inference";
    public static final String REGIMES = "regimes";
    public static final String REPORT = "report";
    public static final String COMPARISON = "comparison";

    private final Set<ReportFormat> formats;
    private final PlotSize plotSize;

    public ReportWriter(Set<ReportFormat> formats) {
        this(formats, PlotSize.DEFAULT);
    }

    public ReportWriter(Set<ReportFormat> formats, PlotSize plotSize) {
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("ReportWriter needs at least one format; known formats: csv, json, png, svg, md");
        }
        this.formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
        this.plotSize = Checks.present("ReportWriter", "plotSize", plotSize);
    }

    /**
     * Writes the report's files into {@code folder} (created and marked if needed).
     *
     * @return the files written, in the order of the table above
     * @throws IllegalArgumentException if JSON is asked for but the report has no description
     * @throws org.bnn.runtime.experiment.OutputFolderException if the folder holds files the tool did not write
     */
    public List<Path> write(Report report, Path folder) throws IOException {
        if (formats.contains(ReportFormat.JSON) && report.description().isEmpty()) {
            throw new IllegalArgumentException("report " + report.title()
                    + ": report.json needs the fully resolved description (Report.description is empty)");
        }
        OwnedFolder.claim(folder);
        List<Path> written = new ArrayList<>();
        boolean hasSeries = !report.series().isEmpty();
        if (formats.contains(ReportFormat.CSV)) {
            if (hasSeries) {
                written.add(text(folder, report.axis().fileStem() + ".csv", SweepCsv.points(report.series(), report.axis())));
                written.add(text(folder, report.axis().fileStem() + "-trials.csv", SweepCsv.trials(report.series(), report.axis())));
            }
            if (report.energy().isPresent()) {
                written.add(text(folder, ENERGY + ".csv", EnergyCsv.write(report.energy().get())));
            }
            if (!report.regimes().isEmpty()) {
                written.add(text(folder, REGIMES + ".csv", RegimeCsv.write(report.regimes())));
            }
            if (!report.comparison().isEmpty()) {
                written.add(text(folder, COMPARISON + ".csv", ComparisonCsv.write(report.comparison())));
            }
        }
        if (formats.contains(ReportFormat.JSON)) {
            written.add(text(folder, REPORT + ".json", ReportJson.write(report)));
        }
        Optional<JFreeChart> accuracy = hasSeries
                ? Optional.of(AccuracyChart.create(report.title(), report.quantity(), report.series(), report.axis().axisLabel()))
                : Optional.empty();
        Optional<JFreeChart> energy = report.energy().map(e -> EnergyChart.create(report.title(), e));
        Optional<JFreeChart> comparison = report.comparison().isEmpty()
                ? Optional.empty()
                : Optional.of(ComparisonChart.create(report.title(), report.quantity(), report.comparison()));
        if (formats.contains(ReportFormat.MD)) {
            written.add(text(folder, REPORT + ".md", ReportMarkdown.write(report, accuracy.flatMap(c -> plotFile(report.axis().fileStem())),
                    energy.flatMap(c -> plotFile(ENERGY)), comparison.flatMap(c -> plotFile(COMPARISON)))));
        }
        plots(folder, report.axis().fileStem(), accuracy, plotSize, written);
        plots(folder, ENERGY, energy, plotSize, written);
        // Two panels, one above the other: taller than the other plots.
        plots(folder, COMPARISON, comparison, new PlotSize(plotSize.width(), plotSize.height() * 7 / 5, plotSize.pngScale()), written);
        return written;
    }

    /** The image a Markdown page links: the PNG if written, else the SVG. */
    private Optional<String> plotFile(String name) {
        return formats.contains(ReportFormat.PNG)
                ? Optional.of(name + ".png")
                : formats.contains(ReportFormat.SVG) ? Optional.of(name + ".svg") : Optional.empty();
    }

    private void plots(Path folder, String name, Optional<JFreeChart> chart, PlotSize size, List<Path> written) throws IOException {
        if (chart.isEmpty()) {
            return;
        }
        if (formats.contains(ReportFormat.PNG)) {
            Path file = folder.resolve(name + ".png");
            Files.write(file, ChartFiles.png(chart.get(), size));
            written.add(file);
        }
        if (formats.contains(ReportFormat.SVG)) {
            written.add(text(folder, name + ".svg", ChartFiles.svg(chart.get(), size)));
        }
    }

    private static Path text(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
