package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * One programming pulse (SET or RESET). Its energy is V·I·t unless the description gives it
 * explicitly (docs/language.md), e.g. from a measured current transient.
 *
 * @param volts                the pulse amplitude, in volts
 * @param amperes              the compliance (or mean) current, in amperes
 * @param seconds              the pulse width, in seconds
 * @param explicitEnergyJoules the energy per pulse in joules if given explicitly, {@code NaN} if not
 */
public record Pulse(double volts, double amperes, double seconds, double explicitEnergyJoules) {
    public Pulse {
        Checks.positiveFinite("Pulse", "volts", volts);
        Checks.positiveFinite("Pulse", "amperes", amperes);
        Checks.positiveFinite("Pulse", "seconds", seconds);
        if (!Double.isNaN(explicitEnergyJoules) && !(explicitEnergyJoules > 0 && Double.isFinite(explicitEnergyJoules))) {
            throw new SpecViolation("Pulse", "explicitEnergyJoules", explicitEnergyJoules <= 0 ? Problem.NOT_POSITIVE : Problem.NOT_FINITE,
                    "Pulse.explicitEnergyJoules must be positive and finite, or NaN for none, got " + explicitEnergyJoules);
        }
    }

    /** A pulse whose energy is V·I·t. */
    public static Pulse of(double volts, double amperes, double seconds) {
        return new Pulse(volts, amperes, seconds, Double.NaN);
    }

    /** Whether the energy was given rather than computed. */
    public boolean hasExplicitEnergy() {
        return !Double.isNaN(explicitEnergyJoules);
    }

    /** V·I·t, in joules. */
    public double vitEnergyJoules() {
        return volts * amperes * seconds;
    }

    /** The energy of one pulse, in joules: the explicit value if given, else V·I·t. */
    public double energyJoules() {
        return hasExplicitEnergy() ? explicitEnergyJoules : vitEnergyJoules();
    }
}
