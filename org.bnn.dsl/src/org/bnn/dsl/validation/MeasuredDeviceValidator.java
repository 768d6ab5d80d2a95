package org.bnn.dsl.validation;

import java.util.ArrayList;
import java.util.List;

import org.bnn.calibration.fit.RegimeFit;
import org.bnn.calibration.fit.RegimeFitting;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.spec.MeasuredDevices;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Rules of devices {@code from measurements "cells.csv"} (docs/reliability.md): the file is there and
 * fits, each regime has its fit in the file, and what a regime writes itself overrides the fit; a
 * regime of any other device writes its lrs and hrs.
 */
public class MeasuredDeviceValidator extends ComposedBnnValidator {

    @Inject
    private MeasuredDevices measured;

    /** The grammar lets every regime leave its states out; only a device from measurements can fill them in. */
    @Check
    public void checkRegimeStates(Regime regime) {
        if (!(regime.eContainer() instanceof Device device) || device.getMeasurements() != null) {
            return;
        }
        for (String state : List.of("lrs", "hrs")) {
            if (regime.eGet(regime.eClass().getEStructuralFeature(state)) == null) {
                error(MessageNames.capitalizedOf("regime", regime.getName()) + " has no " + state + " distribution: write " + state
                        + " lognormal(median ..., sigma ...), or fit it: device " + (device.getName() == null ? "D" : device.getName())
                        + " from measurements \"cells.csv\"", regime, BNN.getRegime_Name(), BnnIssueCodes.MISSING_DISTRIBUTION, state);
            }
        }
    }

    @Check
    public void checkMeasurements(Device device) {
        measured.of(device).ifPresent(fit -> {
            if (fit instanceof MeasuredDevices.Failed failed) {
                error(failed.message(), device, BNN.getDevice_Measurements(), failed.problem() == MeasuredDevices.Problem.MALFORMED
                        ? BnnIssueCodes.MEASUREMENTS_MALFORMED
                        : failed.problem() == MeasuredDevices.Problem.MISSING
                                ? BnnIssueCodes.MEASUREMENTS_MISSING
                                : BnnIssueCodes.UNREADABLE_FILE,
                        Integer.toString(failed.line()));
            } else if (fit instanceof MeasuredDevices.Fitted fitted) {
                checkRegimes(device, fitted);
            }
        });
    }

    private void checkRegimes(Device device, MeasuredDevices.Fitted fitted) {
        List<String> fittedRegimes = new ArrayList<>();
        for (Regime regime : device.getRegimes()) {
            if (regime.getName() == null) {
                continue;
            }
            RegimeFitting fitting = fitted.regime(regime.getName());
            if (fitting instanceof RegimeFitting.Unfitted unfitted) {
                if (regime.getLrs() == null || regime.getHrs() == null) {
                    error(unfitted.problem() + "; write its lrs and hrs, or measure it", regime, BNN.getRegime_Name(),
                            BnnIssueCodes.MEASUREMENTS_NO_REGIME);
                }
                continue;
            }
            RegimeFit fit = (RegimeFit) fitting;
            fittedRegimes.add(regime.getName());
            String file = fitted.calibration().measurements().file();
            overridden(regime, BNN.getRegime_Lrs(), "lrs", file);
            overridden(regime, BNN.getRegime_Hrs(), "hrs", file);
            if (fit.hasRelaxation()) {
                overridden(regime, BNN.getRegime_Relaxation(), "relaxation", file);
            }
        }
        if (!fittedRegimes.isEmpty()) {
            info("Fitted from " + fitted.calibration().measurements().file() + " (" + fitted.calibration().measurements().count()
                    + " measurements): regime" + (fittedRegimes.size() == 1 ? " " : "s ") + String.join(", ", fittedRegimes)
                    + "; hover for the fits", device, BNN.getDevice_Measurements(), BnnIssueCodes.MEASURED_DEVICE);
        }
    }

    private void overridden(Regime regime, EStructuralFeature part, String label, String file) {
        if (regime.eGet(part) != null) {
            warning("The " + label + " written here overrides the fit of " + file + " for " + MessageNames.of("regime", regime.getName())
                    + "; remove it to use the fit", regime, part, BnnIssueCodes.MEASUREMENTS_OVERRIDDEN, label);
        }
    }
}
