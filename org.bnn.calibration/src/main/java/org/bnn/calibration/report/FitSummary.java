package org.bnn.calibration.report;

import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.fit.LogNormalFit;
import org.bnn.calibration.measurements.GroupKey;
import org.bnn.calibration.measurements.Numbers;

/** One fit on one line, as the device block's comments and the editor's hover show it. */
public final class FitSummary {
    private FitSummary() {
    }

    /**
     * "n = 50 at 1 s; median 7.759 kOhm, 95 % CI [7.202 kOhm, 8.361 kOhm]; sigma 0.2599 [0.2193, 0.3272];
     * KS D = 0.0712, p = 0.771: log-normal (not rejected at 5 %)".
     */
    public static String of(LogNormalFit fit, Calibration calibration) {
        GroupKey key = fit.group().key();
        String where = key.seconds() == null ? "" : " at " + Numbers.plain(key.seconds()) + " s";
        where += key.cycles() == null ? "" : " after " + key.cycles() + " cycles";
        return "n = " + fit.n() + where + "; median " + Figures.ohms(fit.estimate().medianOhms()) + ", "
                + CalibrationReport.level(calibration) + " CI [" + Figures.ohms(fit.median().lower()) + ", "
                + Figures.ohms(fit.median().upper()) + "]; sigma " + Figures.significant(fit.estimate().sigma()) + " ["
                + Figures.significant(fit.sigma().lower()) + ", " + Figures.significant(fit.sigma().upper()) + "]; KS D = "
                + Figures.significant(fit.normality().statistic()) + ", p = " + Figures.probability(fit.normality().pValue()) + ": "
                + CalibrationReport.verdict(fit, calibration);
    }
}
