package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A resistive memory technology: its material stack, the programming regimes it can be written
 * with, and its stuck-at fault rates.
 *
 * @param name    the device's name, e.g. "hfo2"
 * @param stack   the material stack, e.g. "TiN/HfO2/Ti/TiN" (descriptive only; may be empty)
 * @param regimes the programming regimes, with distinct names; at least one
 * @param stuckAt the stuck-at fault probabilities ({@link StuckAt#NONE} for none)
 */
public record DeviceSpec(String name, String stack, List<RegimeSpec> regimes, StuckAt stuckAt) {
    public DeviceSpec {
        Checks.name("DeviceSpec", "name", name);
        String record = "DeviceSpec(" + name + ")";
        Checks.present(record, "stack", stack);
        Checks.present(record, "regimes", regimes);
        Checks.present(record, "stuckAt", stuckAt);
        if (regimes.isEmpty()) {
            throw new SpecViolation(record, "regimes", Problem.MISSING, record + ".regimes must not be empty, got []");
        }
        Set<String> seen = new HashSet<>();
        for (RegimeSpec regime : regimes) {
            Checks.present(record, "regimes[]", regime);
            if (!seen.add(regime.name())) {
                throw new SpecViolation(record, "regimes", regime.name(), Problem.DUPLICATE,
                        record + ".regimes must have distinct names, got \""
                                + regime.name() + "\" twice");
            }
        }
        regimes = List.copyOf(regimes);
    }

    /** The regime called {@code regimeName}; the error names the device and its known regimes. */
    public RegimeSpec regime(String regimeName) {
        for (RegimeSpec regime : regimes) {
            if (regime.name().equals(regimeName)) {
                return regime;
            }
        }
        throw new SpecViolation("DeviceSpec(" + name + ")", "regimes", regimeName, Problem.UNKNOWN,
                "device " + name + " has no regime \"" + regimeName
                        + "\"; known regimes: " + String.join(", ", regimeNames()));
    }

    /** The regimes' names, in declaration order. */
    public List<String> regimeNames() {
        List<String> names = new ArrayList<>(regimes.size());
        for (RegimeSpec regime : regimes) {
            names.add(regime.name());
        }
        return names;
    }
}
