package org.bnn.runtime.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bnn.runtime.json.SpecJson;

/**
 * Text, CSV and JSON of a sweep. The JSON holds the fully resolved experiment (every default
 * filled in, SI units), its seed and the tool version next to the results, so a run can be
 * reproduced.
 */
public final class SweepReport {
    /** What a JSON report holds. */
    public record Results(String tool, ExperimentSpec experiment, List<Row> points) {
    }

    /** One point as written to CSV and JSON. */
    public record Row(double ber, double meanAgreement, double standardDeviation, double confidence95, double[] agreementPerTrial) {
    }

    private SweepReport() {
    }

    /** A table for the console. */
    public static String table(ExperimentSpec spec, List<SweepPoint> points) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "experiment %s: %d random inputs x %d trials, %s weight errors, seed %d (agreement with the error-free chip)%n",
                spec.name(), spec.inputs(), spec.trials(), spec.resampling().name().toLowerCase(Locale.ROOT).replace('_', '-'), spec.seed()));
        text.append(String.format(Locale.ROOT, "  %10s %10s %10s %12s%n", "BER", "mean", "std", "95% CI"));
        for (SweepPoint point : points) {
            String ber = point.ber() == 0 ? "0" : String.format(Locale.ROOT, "%.1e", point.ber());
            text.append(String.format(Locale.ROOT, "  %10s %9.2f%% %9.2f%% %11s%n", ber, 100 * point.mean(),
                    100 * point.standardDeviation(), String.format(Locale.ROOT, "+-%.2f%%", 100 * point.confidence95())));
        }
        return text.toString();
    }

    /** Writes {@code sweep.csv} and {@code sweep.json} into {@code folder}. */
    public static void write(Path folder, String tool, ExperimentSpec spec, List<SweepPoint> points) throws IOException {
        Files.createDirectories(folder);
        List<Row> rows = points.stream()
                .map(p -> new Row(p.ber(), p.mean(), p.standardDeviation(), p.confidence95(), p.agreementPerTrial())).toList();
        StringBuilder csv = new StringBuilder("ber,mean_agreement,std,ci95_half_width,trials\n");
        for (Row row : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d%n", row.ber(), row.meanAgreement(), row.standardDeviation(),
                    row.confidence95(), row.agreementPerTrial().length));
        }
        Files.writeString(folder.resolve("sweep.csv"), csv);
        Files.writeString(folder.resolve("sweep.json"), SpecJson.write(new Results(tool, spec, rows)));
    }
}
