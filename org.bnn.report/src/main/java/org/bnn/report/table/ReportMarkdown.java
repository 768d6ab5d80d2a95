package org.bnn.report.table;

import java.util.Optional;
import java.util.stream.Collectors;

import org.bnn.report.Report;
import org.bnn.runtime.estimate.EnergyComponent;

/** The report as one Markdown page: its tables, links to its plots, the tool version and the seeds. */
public final class ReportMarkdown {
    private ReportMarkdown() {
    }

    /**
     * @param accuracyPlot file name of the accuracy plot to link, if one is written
     * @param energyPlot   file name of the energy plot to link, if one is written
     */
    public static String write(Report report, Optional<String> accuracyPlot, Optional<String> energyPlot) {
        return write(report, accuracyPlot, energyPlot, Optional.empty());
    }

    /**
     * @param accuracyPlot   file name of the accuracy plot to link, if one is written
     * @param energyPlot     file name of the energy plot to link, if one is written
     * @param comparisonPlot file name of the comparison plot to link, if one is written
     */
    public static String write(Report report, Optional<String> accuracyPlot, Optional<String> energyPlot, Optional<String> comparisonPlot) {
        StringBuilder text = new StringBuilder("# ").append(report.title()).append("\n");
        if (!report.series().isEmpty()) {
            text.append("\n## ").append(report.quantity()).append(" vs ").append(report.axis().description()).append("\n\n");
            text.append(
                    "Mean ± standard deviation over trials, in %. The 95 % confidence intervals of the means are in the CSV and JSON files.\n\n");
            text.append(MarkdownTables.sweep(report.series(), report.axis()));
            accuracyPlot.ifPresent(file -> image(text, report.quantity() + " vs " + report.axis().description(), file));
        }
        report.energy().ifPresent(energy -> {
            text.append("\n## Energy per inference\n\n");
            text.append(MarkdownTables.energy(energy));
            if (!energy.notEstimated().isEmpty()) {
                text.append("\nn/a: not estimated, the description gives no unit energy for ")
                        .append(energy.notEstimated().stream().map(EnergyComponent::label).collect(Collectors.joining(", "))).append(".\n");
            }
            energyPlot.ifPresent(file -> image(text, "Energy per inference by layer and component", file));
        });
        if (!report.comparison().isEmpty()) {
            text.append("\n## Mappings compared\n\n");
            text.append("BERs: analytic per stored bit (raw) and per weight after decoding; \"weights read wrong\" is counted on the "
                    + "simulated chips. Accuracy: mean ± standard deviation over trials. Energies: the estimator's, per inference for "
                    + "sense + decode, once for programming.\n\n");
            text.append(MarkdownTables.comparison(report.comparison()));
            comparisonPlot.ifPresent(file -> image(text, "Mappings compared across programming regimes", file));
        }
        if (!report.regimes().isEmpty()) {
            text.append("\n## Programming regimes\n\n");
            text.append("Accuracy: mean ± standard deviation over trials at the regime's bit error rate.\n\n");
            text.append(MarkdownTables.regimes(report.regimes()));
        }
        text.append("\n").append(report.tool()).append(' ').append(report.version());
        if (!report.seeds().isEmpty()) {
            text.append("; seeds: ").append(report.seeds().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        report.created().ifPresent(time -> text.append("; run ").append(time));
        return text.append('\n').toString();
    }

    private static void image(StringBuilder text, String alt, String file) {
        text.append("\n![").append(alt).append("](").append(file).append(")\n");
    }
}
