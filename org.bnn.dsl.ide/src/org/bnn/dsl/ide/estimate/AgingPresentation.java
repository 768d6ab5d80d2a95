package org.bnn.dsl.ide.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bnn.calibration.fit.RegimeFit;
import org.bnn.calibration.fit.RegimeFitting;
import org.bnn.calibration.report.FitSummary;
import org.bnn.calibration.report.WrittenRegime;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Drift;
import org.bnn.dsl.bnn.Quantity;
import org.bnn.dsl.bnn.ReadDisturb;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.bnn.Relaxation;
import org.bnn.dsl.bnn.Wear;
import org.bnn.dsl.spec.MeasuredDevices;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.units.QuantityDimensions;
import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.aging.StateDrift;
import org.bnn.runtime.device.RegimeSpec;
import org.eclipse.emf.ecore.EObject;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The hovers of devices that age and of devices fitted to measurements: what each aging parameter
 * means with its value in SI units, figures computed by the runtime's aging records (never a formula
 * of their own), and the fits of a device {@code from measurements} (docs/reliability.md).
 */
@Singleton
public class AgingPresentation {
    /** The hot temperature the activation energy's hover compares with: 85 C, a usual operating limit. */
    private static final double HOT_KELVIN = Condition.CELSIUS_ZERO_KELVIN + 85;
    private static final double TEN_YEARS_SECONDS = 10 * Durations.YEAR;
    private static final double BILLION_READS = 1e9;

    @Inject
    private SpecTranslator translator;
    @Inject
    private MeasuredDevices measured;

    /** The hover of an aging parameter (its block, a drift or a quantity in them), if {@code element} is one. */
    public Optional<Breakdown> hover(EObject element) {
        EObject part = agingPart(element).orElse(null);
        if (part == null || !(part.eContainer() instanceof Regime regime)) {
            return Optional.empty();
        }
        Optional<RegimeSpec> spec = SpecTranslator.attempt(() -> translator.translate(regime));
        Optional<Aging> aging = spec.map(RegimeSpec::aging);
        List<String> lines = new ArrayList<>();
        if (element instanceof Quantity quantity) {
            lines.add(quantityLine(quantity));
        }
        if (part instanceof Relaxation) {
            aging.flatMap(Aging::relaxation).ifPresent(relaxation -> {
                lines.add(drift("lrs", relaxation.lrs(), "time") + "; " + drift("hrs", relaxation.hrs(), "time"));
                lines.add(String.format(Locale.ROOT, "the regime's distributions hold until %s s after programming at %s K; then"
                        + " each state drifts per decade of effective time", plain(relaxation.referenceSeconds()),
                        plain(relaxation.referenceKelvin())));
                lines.add(String.format(Locale.ROOT, "activation %s eV: time at 85 C counts %sx the time at %s K (Arrhenius)",
                        plain(relaxation.activationEnergyEv()), grouped(relaxation.acceleration(HOT_KELVIN)),
                        plain(relaxation.referenceKelvin())));
                lines.add(String.format(Locale.ROOT, "10 years at %s K are %.2f decades past the reference time",
                        plain(relaxation.referenceKelvin()), relaxation.decades(TEN_YEARS_SECONDS, relaxation.referenceKelvin())));
            });
            return Optional.of(new Breakdown("Relaxation: the states drift with the logarithm of the time since programming", lines));
        }
        if (part instanceof ReadDisturb) {
            aging.flatMap(Aging::disturb).ifPresent(disturb -> {
                lines.add(String.format(Locale.ROOT, "each read moves a device %s with probability %.3g (a ratio per read)",
                        disturb.towardsLow() ? "from hrs to lrs" : "from lrs to hrs", disturb.probabilityPerRead()));
                lines.add(
                        String.format(Locale.ROOT, "after 1e9 reads %.3g of those devices have moved", disturb.movedAfter(BILLION_READS)));
            });
            return Optional.of(new Breakdown("Read disturb: reads can move a device to the other state", lines));
        }
        spec.ifPresent(regimeSpec -> regimeSpec.aging().wear().ifPresent(wear -> {
            lines.add(drift("lrs", wear.lrs(), "cycles") + "; " + drift("hrs", wear.hrs(), "cycles"));
            lines.add(String.format(Locale.ROOT, "worn from %s cycles; fails stuck in %s after log-normal cycles: median the endurance"
                    + " %.3g, sigma of ln cycles %s", plain(wear.referenceCycles()), wear.failsLow() ? "lrs" : "hrs",
                    regimeSpec.enduranceCycles(), plain(wear.failureSigma())));
            lines.add(String.format(Locale.ROOT, "failed after the endurance: %.3g; after a tenth of it: %.3g",
                    wear.failedAfter(regimeSpec.enduranceCycles(), regimeSpec.enduranceCycles()),
                    wear.failedAfter(regimeSpec.enduranceCycles() / 10, regimeSpec.enduranceCycles())));
        }));
        return Optional.of(new Breakdown("Wear: rewriting widens and moves the states, then devices fail", lines));
    }

    /**
     * The relaxation, read disturb or wear block {@code element} is or is in (a drift of it, a quantity
     * of either); empty for anything else.
     */
    public static Optional<EObject> agingPart(EObject element) {
        EObject part = element instanceof Quantity ? element.eContainer() : element;
        part = part instanceof Drift ? part.eContainer() : part;
        return part instanceof Relaxation || part instanceof ReadDisturb || part instanceof Wear ? Optional.of(part) : Optional.empty();
    }

    /** The fits of a device from measurements, one line per regime and state; none when it is not from measurements. */
    public List<String> fitLines(Device device) {
        List<String> lines = new ArrayList<>();
        measured.of(device).ifPresent(fit -> {
            if (fit instanceof MeasuredDevices.Failed failed) {
                lines.add("not fitted: " + failed.message());
            } else if (fit instanceof MeasuredDevices.Fitted fitted) {
                lines.add("fitted from " + fitted.calibration().measurements().file() + ": "
                        + fitted.calibration().measurements().count() + " measurements; log-normal by maximum likelihood");
                device.getRegimes().forEach(regime -> lines.addAll(regimeLines(fitted, regime)));
            }
        });
        return lines;
    }

    /** The fit of one regime of a device from measurements; none when its device is not from measurements. */
    public List<String> fitLines(Regime regime) {
        if (!(regime.eContainer() instanceof Device device)
                || !(measured.of(device).orElse(null) instanceof MeasuredDevices.Fitted fitted)) {
            return List.of();
        }
        return regimeLines(fitted, regime);
    }

    private static List<String> regimeLines(MeasuredDevices.Fitted fitted, Regime regime) {
        if (regime.getName() == null) {
            return List.of();
        }
        RegimeFitting fitting = fitted.regime(regime.getName());
        if (fitting instanceof RegimeFitting.Unfitted unfitted) {
            return List.of("regime " + regime.getName() + ": " + unfitted.problem());
        }
        RegimeFit fit = (RegimeFit) fitting;
        List<String> lines = new ArrayList<>();
        lines.add("regime " + regime.getName() + " lrs: " + FitSummary.of(fit.lrs(), fitted.calibration()));
        lines.add("regime " + regime.getName() + " hrs: " + FitSummary.of(fit.hrs(), fitted.calibration()));
        WrittenRegime written = WrittenRegime.of(fit);
        written.lrsDrift().ifPresent(lrs -> lines.add("regime " + regime.getName() + " relaxation from "
                + plain(written.fromSeconds().orElseThrow()) + " s: lrs " + lrs.text() + ", hrs "
                + written.hrsDrift().orElseThrow().text()));
        return lines;
    }

    /** What a quantity of an aging parameter is, with its value in SI units. */
    private static String quantityLine(Quantity quantity) {
        String value = SpecTranslator.attempt(() -> QuantityDimensions.si(quantity)).map(si -> String.format(Locale.ROOT, "%.4g", si))
                .orElse("?");
        return switch (QuantityDimensions.expected(quantity)) {
            case TIME -> "a time: " + value + " s";
            case TEMPERATURE -> "a temperature: " + value + " K";
            case ENERGY -> "an energy: " + value + " J";
            case RATIO -> "a ratio: " + value + " (1 % = 0.01)";
            default -> "a number: " + value;
        };
    }

    /** "lrs median ×1.01 and sigma +0.005 per decade of time". */
    private static String drift(String state, StateDrift drift, String of) {
        return String.format(Locale.ROOT, "%s median x%s and sigma of ln R %s%s per decade of %s", state,
                plain(1 + drift.medianPercentPerDecade() / 100), drift.sigmaPerDecade() < 0 ? "" : "+", plain(drift.sigmaPerDecade()), of);
    }

    private static String plain(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** 1303.2 as "1,303". */
    private static String grouped(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
