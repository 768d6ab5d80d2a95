package org.bnn.calibration.fit;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bnn.calibration.measurements.GroupKey;
import org.bnn.calibration.measurements.ResistanceState;

/**
 * What a calibration gives one regime of the language: its {@link RegimeFit}, or the problem that
 * leaves it without one (a regime the file does not have, a state it did not measure, states that
 * do not order).
 */
public sealed interface RegimeFitting permits RegimeFit, RegimeFitting.Unfitted {

    /** No fit for the regime; {@code problem} says why, as a sentence (it starts with a capital or the file's name). */
    record Unfitted(String problem) implements RegimeFitting {
    }

    /**
     * The fitting of {@code regime}: each state's fit at the fewest cycles and earliest time measured,
     * and the aging of those cycles over time when both states were measured at several times from
     * the same first time (the language states one reference time for both).
     */
    static RegimeFitting of(Calibration calibration, String regime) {
        List<String> regimes = regimes(calibration);
        if (!regimes.contains(regime)) {
            return new Unfitted(calibration.measurements().file() + " has no measurements of regime " + regime + " (it has "
                    + String.join(", ", regimes) + ")");
        }
        Optional<LogNormalFit> lrs = first(calibration, regime, ResistanceState.LRS);
        Optional<LogNormalFit> hrs = first(calibration, regime, ResistanceState.HRS);
        if (lrs.isEmpty() || hrs.isEmpty()) {
            return new Unfitted("Regime " + regime + " has no " + (lrs.isEmpty() ? "lrs" : "hrs") + " measurements in "
                    + calibration.measurements().file());
        }
        double low = lrs.get().estimate().medianOhms();
        double high = hrs.get().estimate().medianOhms();
        if (!(high > low)) {
            return new Unfitted(String.format(Locale.ROOT, "Regime %s: its fitted hrs median %.4g Ohm is not above its lrs median %.4g Ohm",
                    regime, high, low));
        }
        Optional<AgingFit> lrsAging = aging(calibration, lrs.get().group().key());
        Optional<AgingFit> hrsAging = aging(calibration, hrs.get().group().key());
        boolean relaxation = lrsAging.isPresent() && hrsAging.isPresent()
                && lrs.get().group().key().seconds().equals(hrs.get().group().key().seconds());
        return new RegimeFit(regime, lrs.get(), hrs.get(), relaxation ? lrsAging : Optional.empty(),
                relaxation ? hrsAging : Optional.empty());
    }

    /** The regimes of the calibration, in the file's order. */
    static List<String> regimes(Calibration calibration) {
        return calibration.fits().stream().map(fit -> fit.group().key().regime()).distinct().toList();
    }

    /** The regime's fit of the state at its fewest cycles and earliest time. */
    private static Optional<LogNormalFit> first(Calibration calibration, String regime, ResistanceState state) {
        Comparator<Long> cycles = Comparator.nullsFirst(Comparator.naturalOrder());
        Comparator<Double> seconds = Comparator.nullsFirst(Comparator.naturalOrder());
        return calibration.fits().stream()
                .filter(fit -> fit.group().key().regime().equals(regime) && fit.group().key().state() == state)
                .min(Comparator.comparing((LogNormalFit fit) -> fit.group().key().cycles(), cycles)
                        .thenComparing(fit -> fit.group().key().seconds(), seconds));
    }

    /** The aging over time of the series {@code first} starts (same regime, state and cycles). */
    private static Optional<AgingFit> aging(Calibration calibration, GroupKey first) {
        return calibration.aging().stream().filter(aging -> aging.series().equals(first.withoutTime())).findFirst();
    }
}
