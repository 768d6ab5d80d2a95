package org.bnn.calibration.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.bnn.calibration.fit.AgingFit;
import org.bnn.calibration.fit.RegimeFit;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Relaxation;
import org.bnn.runtime.aging.StateDrift;
import org.bnn.runtime.device.LogNormal;

/**
 * The numbers of a {@link RegimeFit} rounded as the language writes them, and the runtime's
 * parameters those written numbers give. A device fitted from measurements and the block its fit
 * writes into the file therefore describe the same device, digit for digit.
 *
 * @param fit           the fit
 * @param lrsMedianOhms the low-resistance median, in ohms, to four significant digits
 * @param lrsSigma      σ of ln R of the low-resistance state, to four significant digits
 * @param hrsMedianOhms the high-resistance median
 * @param hrsSigma      σ of ln R of the high-resistance state
 * @param lrsDrift      the low-resistance state's drift per decade of time, when the relaxation was fitted
 * @param hrsDrift      the high-resistance state's drift, present together with {@code lrsDrift}
 * @param fromSeconds   the time after programming the distributions hold at, in seconds, when the relaxation was fitted
 */
public record WrittenRegime(RegimeFit fit, BigDecimal lrsMedianOhms, BigDecimal lrsSigma, BigDecimal hrsMedianOhms, BigDecimal hrsSigma,
        Optional<Drift> lrsDrift, Optional<Drift> hrsDrift, Optional<Double> fromSeconds) {

    /**
     * A drift per decade as the language writes it: {@code median +2.02 % sigma +0.0105 per decade}.
     *
     * @param medianPercent the median's change per decade, in percent, to two decimals
     * @param sigma         σ's change per decade, to four decimals
     */
    public record Drift(BigDecimal medianPercent, BigDecimal sigma) {
        /**
         * The drift of a fitted aging. The fit's slope is that of ln median per decade, the language's
         * percentage multiplies the median by (1 + p/100) per decade ({@link StateDrift}): p = 100·(e^slope − 1).
         */
        static Drift of(AgingFit aging) {
            return new Drift(BigDecimal.valueOf(StateDrift.percentForLnSlope(aging.drift().slope())).setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(aging.growth().slope()).setScale(4, RoundingMode.HALF_UP));
        }

        /** {@code median +2.02 % sigma +0.0105 per decade}. */
        public String text() {
            return "median " + Figures.signed(medianPercent) + " % sigma " + Figures.signed(sigma) + " per decade";
        }

        StateDrift toStateDrift() {
            return new StateDrift(medianPercent.doubleValue(), sigma.doubleValue());
        }
    }

    /** The written numbers of {@code fit}. */
    public static WrittenRegime of(RegimeFit fit) {
        boolean relaxation = fit.hasRelaxation();
        return new WrittenRegime(fit, Figures.rounded(fit.lrs().estimate().medianOhms()), Figures.rounded(fit.lrs().estimate().sigma()),
                Figures.rounded(fit.hrs().estimate().medianOhms()), Figures.rounded(fit.hrs().estimate().sigma()),
                fit.lrsAging().filter(aging -> relaxation).map(Drift::of), fit.hrsAging().filter(aging -> relaxation).map(Drift::of),
                relaxation ? fit.seconds() : Optional.empty());
    }

    /** The low-resistance state as written. */
    public LogNormal lrs() {
        return new LogNormal(lrsMedianOhms.doubleValue(), lrsSigma.doubleValue());
    }

    /** The high-resistance state as written. */
    public LogNormal hrs() {
        return new LogNormal(hrsMedianOhms.doubleValue(), hrsSigma.doubleValue());
    }

    /**
     * The relaxation as written: the drifts from {@code fromSeconds}, with the language's defaults for
     * what measurements at one temperature cannot give (at 25 C, activation 0 eV).
     */
    public Optional<Relaxation> relaxation() {
        return fromSeconds.map(from -> new Relaxation(lrsDrift.orElseThrow().toStateDrift(), hrsDrift.orElseThrow().toStateDrift(), from, 0,
                Condition.ROOM_KELVIN));
    }

    /** {@code lognormal(median 8.012 kOhm, sigma 0.2513)} of the low-resistance state. */
    public String lrsText() {
        return distribution(lrsMedianOhms, lrsSigma);
    }

    /** {@code lognormal(median 181.2 kOhm, sigma 0.8031)} of the high-resistance state. */
    public String hrsText() {
        return distribution(hrsMedianOhms, hrsSigma);
    }

    private static String distribution(BigDecimal medianOhms, BigDecimal sigma) {
        return "lognormal(median " + Figures.ohms(medianOhms) + ", sigma " + sigma.toPlainString() + ")";
    }
}
