package org.bnn.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.report.data.ObjectiveScale;
import org.bnn.report.json.ParetoJson;
import org.bnn.report.plot.ChartFiles;
import org.bnn.report.plot.ParetoChart;
import org.bnn.report.plot.PlotSize;
import org.bnn.report.table.ParetoTables;
import org.bnn.runtime.experiment.OutputLocation;
import org.bnn.runtime.experiment.OwnedFolder;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.explore.ExplorationResult;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.Objective;
import org.jfree.chart.JFreeChart;

/**
 * The report of an exploration (docs/explore.md), as its {@code report} clause asks:
 *
 * <pre>
 * pareto.csv                    csv   one row per design: axis values, costs (SI), accuracy over chips, unmet, front
 * pareto.json                   json  the resolved exploration, the seeds, every design with its resolved mapping
 * pareto.md                     md    the front, every design, the plots
 * pareto-Y-vs-X.png/.svg        png/svg  one plot per pair of objectives (accuracy against energy first when both are asked for)
 * </pre>
 *
 * The same result gives the same bytes (PNG: with the same Java and fonts).
 */
public final class ParetoReport {
    public static final String STEM = "pareto";

    private ParetoReport() {
    }

    /**
     * Checks, before anything runs, that the report folder may be written (inside the project or an allowed
     * root; new, empty or the tool's) and claims it.
     */
    public static void claimInProject(ExploreSpec spec, Path base) throws IOException {
        for (ReportSpec report : spec.report().stream().toList()) {
            OwnedFolder.claim(OutputLocation.checked(base, report.folder(), "report folder"));
        }
    }

    /** Writes the files into the folder of the exploration's report clause, resolved against {@code base}. */
    public static List<Path> writeInProject(ExplorationResult result, Path base) throws IOException {
        ReportSpec report = result.spec().report()
                .orElseThrow(() -> new IllegalArgumentException("exploration " + result.spec().name() + " has no report clause"));
        return write(result, report.formats(), OutputLocation.checked(base, report.folder(), "report folder"));
    }

    /** Writes the files in {@code formats} into {@code folder}, which must be new, empty or the tool's, and returns them. */
    public static List<Path> write(ExplorationResult result, Set<ReportSpec.ReportFormat> formats, Path folder) throws IOException {
        OwnedFolder.claim(folder);
        List<Path> written = new ArrayList<>();
        List<String> plots = new ArrayList<>();
        List<JFreeChart> charts = new ArrayList<>();
        for (List<Objective> pair : pairs(result.spec().objectives())) {
            ObjectiveScale x = ObjectiveScale.of(pair.get(0), result);
            ObjectiveScale y = ObjectiveScale.of(pair.get(1), result);
            plots.add(STEM + "-" + pair.get(1).keyword() + "-vs-" + pair.get(0).keyword());
            charts.add(ParetoChart.create(result.spec().name() + ": " + pair.get(1).keyword() + " vs " + pair.get(0).keyword(), result, x,
                    y));
        }
        if (formats.contains(ReportSpec.ReportFormat.CSV)) {
            written.add(text(folder, STEM + ".csv", ParetoTables.csv(result)));
        }
        if (formats.contains(ReportSpec.ReportFormat.JSON)) {
            written.add(text(folder, STEM + ".json", ParetoJson.write(result)));
        }
        if (formats.contains(ReportSpec.ReportFormat.MD)) {
            Optional<String> image = formats.contains(ReportSpec.ReportFormat.PNG)
                    ? Optional.of(".png")
                    : formats.contains(ReportSpec.ReportFormat.SVG) ? Optional.of(".svg") : Optional.empty();
            written.add(text(folder, STEM + ".md", markdown(result, plots, image)));
        }
        for (int i = 0; i < charts.size(); i++) {
            if (formats.contains(ReportSpec.ReportFormat.PNG)) {
                Path file = folder.resolve(plots.get(i) + ".png");
                Files.write(file, ChartFiles.png(charts.get(i), PlotSize.DEFAULT));
                written.add(file);
            }
            if (formats.contains(ReportSpec.ReportFormat.SVG)) {
                written.add(text(folder, plots.get(i) + ".svg", ChartFiles.svg(charts.get(i), PlotSize.DEFAULT)));
            }
        }
        return written;
    }

    /** What a run prints: the summary line and the front. */
    public static String table(ExplorationResult result) {
        return "Exploration " + result.spec().name() + ": " + ParetoTables.summary(result) + "\n\n" + ParetoTables.markdown(result, false)
                + "\n";
    }

    /**
     * Every pair of objectives, as (x, y): accuracy is always on y and energy before the others on x, so that the
     * first plot is accuracy against energy when both are asked for.
     */
    static List<List<Objective>> pairs(List<Objective> objectives) {
        List<Objective> ordered = new ArrayList<>(objectives);
        ordered.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        List<List<Objective>> pairs = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = i + 1; j < ordered.size(); j++) {
                pairs.add(List.of(ordered.get(j), ordered.get(i)));
            }
        }
        return pairs;
    }

    private static int rank(Objective objective) {
        return objective == Objective.ACCURACY ? -2 : objective == Objective.ENERGY ? -1 : objective.ordinal();
    }

    private static String markdown(ExplorationResult result, List<String> plots, Optional<String> image) {
        StringBuilder text = new StringBuilder();
        text.append("# Exploration ").append(result.spec().name()).append("\n\n");
        text.append(ParetoTables.summary(result)).append(". Accuracy is the mean over chips ± the half-width of its 95 % confidence "
                + "interval; costs are estimates (docs/explore.md).\n\n");
        text.append("## Pareto front\n\n").append(ParetoTables.markdown(result, false)).append('\n');
        if (image.isPresent()) {
            for (String plot : plots) {
                text.append("![").append(plot).append("](").append(plot).append(image.get()).append(")\n\n");
            }
        }
        text.append("## Every feasible design\n\n").append(ParetoTables.markdown(result, true));
        List<String> infeasible = result.designs().stream().filter(d -> d.point().infeasible().isPresent())
                .map(d -> "- design " + (d.point().index() + 1) + " (" + d.point().describe(result.spec()) + "): "
                        + d.point().infeasible().get())
                .toList();
        if (!infeasible.isEmpty()) {
            text.append("\n## Infeasible designs\n\n").append(String.join("\n", infeasible)).append('\n');
        }
        return text.toString();
    }

    private static Path text(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
