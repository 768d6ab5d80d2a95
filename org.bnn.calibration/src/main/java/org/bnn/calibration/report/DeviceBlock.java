package org.bnn.calibration.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.bnn.calibration.fit.AgingFit;
import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.fit.LogNormalFit;
import org.bnn.calibration.measurements.GroupKey;
import org.bnn.calibration.measurements.Numbers;
import org.bnn.calibration.measurements.ResistanceState;
import org.bnn.runtime.device.LogNormal;

/**
 * A {@code device} block of the language (docs/language.md) with one regime per measured regime:
 * its {@code lrs} and {@code hrs} are the fits of the earliest time and fewest cycles measured. The
 * language also requires the programming pulses and the endurance, which resistances do not give:
 * they are written as the <i>illustrative</i> nominal preset of examples/lib/illustrative-hw.bnn,
 * marked as placeholders. The aging the language cannot express yet is written as a comment.
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
        List<String> regimes = calibration.fits().stream().map(fit -> fit.group().key().regime()).distinct().toList();
        for (String regime : regimes) {
            regime(regime, level);
        }
        line(0, "}");
        return text.toString();
    }

    private void regime(String regime, String level) {
        Optional<LogNormalFit> lrs = first(regime, ResistanceState.LRS);
        Optional<LogNormalFit> hrs = first(regime, ResistanceState.HRS);
        if (lrs.isEmpty() || hrs.isEmpty()) {
            line(1, "// regime " + regime + " is not written: it has no " + (lrs.isEmpty() ? "lrs" : "hrs") + " measurements");
            return;
        }
        LogNormal low = lrs.get().estimate();
        LogNormal high = hrs.get().estimate();
        if (!(high.medianOhms() > low.medianOhms())) {
            line(1, "// regime " + regime + " is not written: its hrs median " + Figures.ohms(high.medianOhms())
                    + " is not above its lrs median " + Figures.ohms(low.medianOhms()));
            return;
        }
        line(1, "regime " + identifier(regime) + " {");
        state("lrs", lrs.get(), level);
        state("hrs", hrs.get(), level);
        line(2, "// Placeholders, not measured: the illustrative nominal preset of examples/lib/illustrative-hw.bnn.");
        line(2, "// Replace them with your programming pulses and endurance.");
        line(2, "set " + PLACEHOLDER_PULSE);
        line(2, "reset " + PLACEHOLDER_PULSE);
        line(2, "endurance " + PLACEHOLDER_ENDURANCE);
        aging(regime);
        line(1, "}");
    }

    private void state(String label, LogNormalFit fit, String level) {
        GroupKey key = fit.group().key();
        String where = key.seconds() == null ? "" : " at " + Numbers.plain(key.seconds()) + " s";
        where += key.cycles() == null ? "" : " after " + key.cycles() + " cycles";
        line(2, "// " + label + ": n = " + fit.n() + where + "; median " + level + " CI [" + Figures.ohms(fit.median().lower())
                + ", " + Figures.ohms(fit.median().upper()) + "], sigma [" + Figures.significant(fit.sigma().lower()) + ", "
                + Figures.significant(fit.sigma().upper()) + "], " + CalibrationReport.verdict(fit, calibration));
        line(2, label + " lognormal(median " + Figures.ohms(fit.estimate().medianOhms()) + ", sigma "
                + Figures.significant(fit.estimate().sigma()) + ")");
    }

    /** The regime's aging fits as a comment: the language has no aging parameters yet. */
    private void aging(String regime) {
        List<AgingFit> series = calibration.aging().stream().filter(aging -> aging.series().regime().equals(regime)).toList();
        if (series.isEmpty()) {
            return;
        }
        line(2, "// Aging fitted from the measurements (the language has no aging parameters yet), t0 = "
                + Numbers.plain(series.get(0).t0Seconds()) + " s (the earliest time in the file):");
        line(2, "//   ln median(t) = ln median(t0) + drift * log10(t/t0), sigma(t) = sigma(t0) + growth * log10(t/t0);"
                + " +- one standard error.");
        for (AgingFit aging : series) {
            GroupKey key = aging.series();
            line(2, "//   " + key.state().label() + (key.cycles() == null ? "" : " after " + key.cycles() + " cycles")
                    + ": drift " + Figures.percent(aging.drift().slope()) + " +- "
                    + Figures.percent(aging.drift().standardError()).substring(1) + " per decade, sigma growth "
                    + Figures.signed(aging.growth().slope()) + " +- " + Figures.signed(aging.growth().standardError()).substring(1)
                    + " per decade (" + aging.times().size() + " times)");
        }
    }

    /** The regime's fit of the state at its fewest cycles and earliest time. */
    private Optional<LogNormalFit> first(String regime, ResistanceState state) {
        Comparator<Long> cycles = Comparator.nullsFirst(Comparator.naturalOrder());
        Comparator<Double> seconds = Comparator.nullsFirst(Comparator.naturalOrder());
        return calibration.fits().stream()
                .filter(fit -> fit.group().key().regime().equals(regime) && fit.group().key().state() == state)
                .min(Comparator.comparing((LogNormalFit fit) -> fit.group().key().cycles(), cycles)
                        .thenComparing(fit -> fit.group().key().seconds(), seconds));
    }

    private String identifier(String name) {
        return keyword.test(name) ? "^" + name : name;
    }

    private void line(int indent, String line) {
        text.append("    ".repeat(indent)).append(line).append('\n');
    }
}
