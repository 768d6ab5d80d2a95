package org.bnn.runtime.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.json.SpecJson;

/**
 * Text, CSV, Markdown and JSON of a sweep. The JSON holds the fully resolved experiment (every
 * default filled in, SI units), its seed and the tool version next to the results, so a run can be
 * reproduced. Nothing time-dependent is written: the same run gives byte-identical files.
 */
public final class SweepReport {
    /** What a JSON report holds. */
    public record Results(String tool, ExperimentSpec experiment, List<Row> points) {
    }

    /**
     * One point as written to CSV and JSON; accuracy fields are null without labels.
     *
     * @param mapping           the mapping the point was run on (null in JSON written before experiments had several)
     * @param accuracyPerTrial  null without labels
     * @param seenBer           the share of weights the chips read inverted, counted (per-chip errors); else null
     */
    public record Row(String mapping, String point, double ber, double meanAgreement, double agreementStd, double agreementCi95,
            double[] agreementPerTrial, Double meanAccuracy, Double accuracyStd, Double accuracyCi95, double[] accuracyPerTrial,
            Double seenBer) {
        static Row of(SweepPoint point) {
            TrialStatistics agreement = point.agreement();
            TrialStatistics accuracy = point.accuracy().orElse(null);
            return new Row(point.mapping(), point.label(), point.ber(), agreement.mean(), agreement.standardDeviation(),
                    agreement.confidence95(), agreement.perTrial(), accuracy == null ? null : accuracy.mean(),
                    accuracy == null ? null : accuracy.standardDeviation(), accuracy == null ? null : accuracy.confidence95(),
                    accuracy == null ? null : accuracy.perTrial(), point.seenBer().isPresent() ? point.seenBer().getAsDouble() : null);
        }
    }

    private SweepReport() {
    }

    /** One line saying what was run. */
    public static String headline(ExperimentSpec spec) {
        String inputs;
        if (spec.inputs() instanceof InputSource.Dataset data) {
            inputs = data.dataset() + " " + data.split().name().toLowerCase(Locale.ROOT)
                    + (data.limit() > 0 ? " (first " + data.limit() + ")" : "");
        } else {
            inputs = ((InputSource.Random) spec.inputs()).count() + " random inputs";
        }
        String layers = spec.errors().erringLayers().isEmpty() ? "" : " in " + String.join(", ", spec.errors().erringLayers());
        String sampling = spec.errors().sampling() == Sampling.POPCOUNT_DOMAIN
                ? " sampled in the popcount domain (exact in distribution, not bit-identical where counts are drawn)"
                : "";
        String mappings = spec.mappings().size() > 1
                ? " on " + String.join(", ", spec.mappings().stream().map(m -> m.name()).toList())
                : "";
        return String.format(Locale.ROOT, "experiment %s%s: %s x %d trials, %s %s-level errors%s%s, seed %d", spec.name(), mappings,
                inputs, spec.trials(), lower(spec.errors().resampling().name()), lower(spec.errors().level().name()), layers, sampling,
                spec.seed());
    }

    /** A table for the console: the metric is accuracy when there are labels, else agreement. */
    public static String table(ExperimentSpec spec, List<SweepPoint> points) {
        boolean labelled = !points.isEmpty() && points.get(0).accuracy().isPresent();
        StringBuilder text = new StringBuilder(headline(spec))
                .append(labelled ? " (accuracy on the labels)" : " (agreement with the error-free chip)")
                .append(String.format("%n"));
        // A BER sweep's points are their BER; regime and layer points get a name column, and with several mappings each point its mapping.
        boolean named = !(spec.sweep() instanceof SweepSpec.Ber);
        boolean several = spec.mappings().size() > 1;
        int mappingWidth = Math.max("mapping".length(), spec.mappings().stream().mapToInt(m -> m.name().length()).max().orElse(0));
        String mappingColumn = several ? String.format(Locale.ROOT, "  %-" + mappingWidth + "s", "mapping") : "";
        String nameColumn = named ? String.format(Locale.ROOT, "  %-12s", "point") : "";
        text.append(mappingColumn).append(nameColumn)
                .append(String.format(Locale.ROOT, "  %10s %10s %10s %12s%n", "BER", "mean", "std", "95% CI"));
        for (SweepPoint point : points) {
            TrialStatistics metric = point.metric();
            if (several) {
                text.append(String.format(Locale.ROOT, "  %-" + mappingWidth + "s", point.mapping()));
            }
            if (named) {
                text.append(String.format(Locale.ROOT, "  %-12s", point.label()));
            }
            text.append(String.format(Locale.ROOT, "  %10s %9.2f%% %9.2f%% %11s%n", berText(point.ber()), 100 * metric.mean(),
                    100 * metric.standardDeviation(), String.format(Locale.ROOT, "+-%.2f%%", 100 * metric.confidence95())));
        }
        for (RefreshPlan plan : refreshPlans(spec, points)) {
            text.append("  refresh ").append(plan.describe()).append(String.format("%n"));
        }
        for (Yield yield : Yield.of(spec, points)) {
            text.append("  yield ").append(yield.describe()).append(String.format("%n"));
        }
        return text.toString();
    }

    /** The refresh plans of a time sweep (one point of loss, docs/reliability.md), else none. */
    static List<RefreshPlan> refreshPlans(ExperimentSpec spec, List<SweepPoint> points) {
        boolean overTime = spec.sweep() instanceof SweepSpec.Ages ages && ages.axis() == AgeAxis.TIME;
        return overTime && !points.isEmpty() ? RefreshPlan.of(spec, points, RefreshPlan.ONE_POINT) : List.of();
    }

    /**
     * The sweep as CSV, one row per point (accuracy columns empty without labels); points of several
     * mappings get a first column naming theirs.
     */
    public static String csv(List<SweepPoint> points) {
        boolean several = points.stream().map(SweepPoint::mapping).distinct().count() > 1;
        StringBuilder csv = new StringBuilder(several ? "mapping," : "")
                .append("point,ber,trials,mean_accuracy,accuracy_std,accuracy_ci95,mean_agreement,agreement_std,agreement_ci95\n");
        for (SweepPoint point : points) {
            TrialStatistics agreement = point.agreement();
            String accuracy = point.accuracy().map(a -> a.mean() + "," + a.standardDeviation() + "," + a.confidence95()).orElse(",,");
            csv.append(several ? point.mapping() + "," : "");
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%s\n", point.label(), point.ber(), agreement.trials(), accuracy,
                    agreement.mean(), agreement.standardDeviation(), agreement.confidence95()));
        }
        return csv.toString();
    }

    /** The sweep as a Markdown table of the metric in percent. */
    public static String markdown(ExperimentSpec spec, List<SweepPoint> points) {
        boolean labelled = !points.isEmpty() && points.get(0).accuracy().isPresent();
        String metric = labelled ? "accuracy" : "agreement";
        boolean several = spec.mappings().size() > 1;
        StringBuilder md = new StringBuilder("**").append(headline(spec)).append("**\n\n")
                .append(several ? "| mapping " : "").append("| point | BER | mean ").append(metric).append(" | std | 95 % CI |\n")
                .append(several ? "|---" : "").append("|---|---|---|---|---|\n");
        for (SweepPoint point : points) {
            TrialStatistics value = point.metric();
            md.append(several ? "| " + point.mapping() + " " : "");
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f %% | %.2f %% | ± %.2f %% |\n", point.label(), berText(point.ber()),
                    100 * value.mean(), 100 * value.standardDeviation(), 100 * value.confidence95()));
        }
        List<RefreshPlan> plans = refreshPlans(spec, points);
        if (!plans.isEmpty()) {
            md.append("\n**Refresh** (reprogramming so that the loss since the first time stays within one point):\n\n");
            plans.forEach(plan -> md.append("- ").append(plan.describe()).append('\n'));
        }
        List<Yield> yields = Yield.of(spec, points);
        if (!yields.isEmpty()) {
            md.append("\n**Yield** (chips reaching the target, Wilson 95 % interval):\n\n");
            yields.forEach(yield -> md.append("- ").append(yield.describe()).append('\n'));
        }
        return md.toString();
    }

    /**
     * Writes {@code sweep.md}, {@code sweep.csv} and {@code sweep.json} into {@code folder}, which
     * must be new, empty or already the tool's ({@link OwnedFolder}), and for a time sweep the
     * refresh plans as {@code refresh.csv}, for a stuck-device sweep with a target the yields as {@code yield.csv}.
     *
     * @return the files written, in that order (the one for people first)
     */
    public static List<Path> write(Path folder, String tool, ExperimentSpec spec, List<SweepPoint> points) throws IOException {
        OwnedFolder.claim(folder);
        Path md = Files.writeString(folder.resolve("sweep.md"), markdown(spec, points));
        Path csv = Files.writeString(folder.resolve("sweep.csv"), csv(points));
        Path json = Files.writeString(folder.resolve("sweep.json"),
                SpecJson.write(new Results(tool, spec, points.stream().map(Row::of).toList())));
        List<Path> written = new ArrayList<>(List.of(md, csv, json));
        List<RefreshPlan> plans = refreshPlans(spec, points);
        if (!plans.isEmpty()) {
            written.add(Files.writeString(folder.resolve("refresh.csv"), RefreshPlan.csv(plans)));
        }
        List<Yield> yields = Yield.of(spec, points);
        if (!yields.isEmpty()) {
            written.add(Files.writeString(folder.resolve("yield.csv"), Yield.csv(yields)));
        }
        return List.copyOf(written);
    }

    private static String berText(double ber) {
        return ber == 0 ? "0" : String.format(Locale.ROOT, "%.1e", ber);
    }

    private static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
