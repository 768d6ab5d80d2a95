package org.bnn.calibration.report;

import java.util.List;
import java.util.function.Predicate;

import org.bnn.calibration.fit.AgingFit;
import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.fit.LogNormalFit;
import org.bnn.calibration.fit.RegimeFit;
import org.bnn.calibration.fit.RegimeFitting;
import org.bnn.calibration.measurements.Numbers;

/**
 * A {@code device} block of the language (docs/language.md) with one regime per measured regime:
 * its {@code lrs} and {@code hrs} are the fits of the earliest time and fewest cycles measured. The
 * language also requires the programming pulses and the endurance, which resistances do not give:
 * they are written as the <i>illustrative</i> nominal preset of examples/lib/illustrative-hw.bnn,
 * marked as placeholders. The relaxation over time is written when the file measured several times.
 */
public final class DeviceBlock {
    /** The placeholders of what resistance measurements do not give (the illustrative nominal preset). */
    static final String PLACEHOLDER_PULSE = "1.8 V 100 uA 500 ns";
    static final String PLACEHOLDER_ENDURANCE = "1e7";

    private final Calibration calibration;
    private final Predicate<String> keyword;
    private final StringBuilder text = new StringBuilder();

    private DeviceBlock(Calibration calibration, Predicate<String> keyword) {
        this.calibration = calibration;
        this.keyword = keyword;
    }

    /**
     * The block of a device called {@code name}, fitted from the file called {@code source} (its name
     * only, so the block does not carry the user's folders); {@code keyword} says which names the
     * language reserves, which are written with the language's escape {@code ^}.
     */
    public static String text(Calibration calibration, String name, String source, Predicate<String> keyword) {
        return new DeviceBlock(calibration, keyword).write(name, source);
    }

    private String write(String name, String source) {
        String level = CalibrationReport.level(calibration);
        line(0, "// Fitted by bnn fit from " + source + " (" + calibration.measurements().count() + " measurements);"
                + " median and sigma by maximum likelihood, " + level + " confidence intervals in the comments.");
        line(0, "device " + identifier(name) + " {");
        for (String regime : RegimeFitting.regimes(calibration)) {
            regime(regime);
        }
        line(0, "}");
        return text.toString();
    }

    private void regime(String regime) {
        RegimeFitting fitting = RegimeFitting.of(calibration, regime);
        if (fitting instanceof RegimeFitting.Unfitted unfitted) {
            line(1, "// Regime " + regime + " is not written. " + unfitted.problem());
            return;
        }
        line(1, "regime " + identifier(regime) + " {");
        FittedLines fitted = fittedLines(calibration, (RegimeFit) fitting);
        fitted.lrs().forEach(line -> line(2, line));
        fitted.hrs().forEach(line -> line(2, line));
        line(2, "// Placeholders, not measured: the illustrative nominal preset of examples/lib/illustrative-hw.bnn.");
        line(2, "// Replace them with your programming pulses and endurance.");
        line(2, "set " + PLACEHOLDER_PULSE);
        line(2, "reset " + PLACEHOLDER_PULSE);
        line(2, "endurance " + PLACEHOLDER_ENDURANCE);
        fitted.relaxation().forEach(line -> line(2, line)); // the language has it after the endurance
        line(1, "}");
    }

    /**
     * What the measurements give a regime, as lines of the language indented from 0 by four spaces
     * per level, each part with its fit in a comment: {@code lrs}, {@code hrs}, and the
     * {@code relaxation} block when it was fitted (else no lines). The lines {@code bnn fit} writes,
     * and those the editor's quick fix writes into a device from measurements.
     *
     * @param lrs        the low-resistance state's lines
     * @param hrs        the high-resistance state's lines
     * @param relaxation the relaxation's lines, none when it was not fitted
     */
    public record FittedLines(List<String> lrs, List<String> hrs, List<String> relaxation) {
        public FittedLines {
            lrs = List.copyOf(lrs);
            hrs = List.copyOf(hrs);
            relaxation = List.copyOf(relaxation);
        }
    }

    /** The lines of {@code fit}, a regime of {@code calibration}. */
    public static FittedLines fittedLines(Calibration calibration, RegimeFit fit) {
        WrittenRegime written = WrittenRegime.of(fit);
        return new FittedLines(new DeviceBlock(calibration, name -> false).state("lrs", fit.lrs(), written.lrsText()),
                new DeviceBlock(calibration, name -> false).state("hrs", fit.hrs(), written.hrsText()),
                new DeviceBlock(calibration, name -> false).relaxation(written));
    }

    private List<String> state(String label, LogNormalFit fit, String distribution) {
        line(0, "// " + label + ": " + FitSummary.of(fit, calibration));
        line(0, label + " " + distribution);
        return lines();
    }

    /**
     * The fitted relaxation: the drifts per decade of time from the time of the fits above, with their
     * standard errors in a comment. Measurements at one temperature give no activation energy: the
     * block leaves it out (0 eV, the language's default).
     */
    private List<String> relaxation(WrittenRegime written) {
        if (written.fromSeconds().isEmpty()) {
            return List.of();
        }
        RegimeFit fit = written.fit();
        line(0, "// Relaxation fitted over " + fit.lrsAging().orElseThrow().times().size() + " times after programming;"
                + " +- one standard error: " + standardErrors("lrs", fit.lrsAging().orElseThrow()) + "; "
                + standardErrors("hrs", fit.hrsAging().orElseThrow()) + ".");
        line(0, "relaxation {");
        line(1, "lrs " + written.lrsDrift().orElseThrow().text());
        line(1, "hrs " + written.hrsDrift().orElseThrow().text());
        line(1, "from " + Numbers.plain(written.fromSeconds().orElseThrow()) + " s");
        line(0, "}");
        return lines();
    }

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    /** "lrs median +- 0.31 %, sigma +- 0.0042": the standard errors of a drift, in the language's terms. */
    private static String standardErrors(String label, AgingFit aging) {
        double slope = aging.drift().slope();
        double error = aging.drift().standardError();
        // the percentage is 100·(e^slope − 1); its standard error by the delta method
        return label + " median +- " + Figures.significant(100 * Math.exp(slope) * error) + " %, sigma +- "
                + Figures.significant(aging.growth().standardError());
    }

    private String identifier(String name) {
        return keyword.test(name) ? "^" + name : name;
    }

    private void line(int indent, String line) {
        text.append("    ".repeat(indent)).append(line).append('\n');
    }
}
