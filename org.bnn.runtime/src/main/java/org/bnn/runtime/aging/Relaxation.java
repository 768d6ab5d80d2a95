package org.bnn.runtime.aging;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * Relaxation and retention: after programming, each state's distribution moves with the logarithm
 * of time, faster when hot. Time at temperature T counts as time at the reference temperature
 * multiplied by the Arrhenius acceleration exp(E_a/k_B · (1/T_ref − 1/T)), and the distributions
 * stated by the regime hold up to {@code referenceSeconds}; after that, each state drifts
 * {@link StateDrift per decade} of effective time. All parameters are the user's or illustrative;
 * the paper's measurements are taken right after programming (Hirtzlin et al., arXiv 1908.04066).
 *
 * @param lrs                the low-resistance state's drift per decade of time
 * @param hrs                the high-resistance state's drift per decade of time
 * @param referenceSeconds   the time after programming at which the regime's distributions are stated, in seconds (> 0)
 * @param activationEnergyEv the activation energy of the drift, in eV, in [0, 5] (0: temperature does not matter)
 * @param referenceKelvin    the temperature at which the drift rates hold, in kelvins
 */
public record Relaxation(StateDrift lrs, StateDrift hrs, double referenceSeconds, double activationEnergyEv,
        double referenceKelvin) {
    /** One electronvolt in joules (CODATA 2018, exact): activation energies are given in eV. */
    public static final double JOULES_PER_ELECTRONVOLT = 1.602176634e-19;
    /** Boltzmann's constant, in eV/K (CODATA 2018, exact). */
    public static final double BOLTZMANN_EV_PER_KELVIN = 8.617333262e-5;
    /** Above this an activation energy is not that of a drift of RRAM states (reported ones are about 0.3–2 eV). */
    public static final double MAX_ACTIVATION_ENERGY_EV = 5;

    public Relaxation {
        Checks.present("Relaxation", "lrs", lrs);
        Checks.present("Relaxation", "hrs", hrs);
        Checks.positiveFinite("Relaxation", "referenceSeconds", referenceSeconds);
        Checks.positiveFinite("Relaxation", "referenceKelvin", referenceKelvin);
        if (!(activationEnergyEv >= 0 && activationEnergyEv <= MAX_ACTIVATION_ENERGY_EV)) {
            throw new SpecViolation("Relaxation", "activationEnergyEv", Problem.OUT_OF_RANGE,
                    "Relaxation.activationEnergyEv must be in [0, " + MAX_ACTIVATION_ENERGY_EV
                            + "] eV (reported drifts of RRAM states have about 0.3 to 2 eV), got " + activationEnergyEv);
        }
    }

    /** How many times faster the drift runs at {@code kelvin} than at the reference temperature. */
    public double acceleration(double kelvin) {
        Checks.positiveFinite("Relaxation", "kelvin", kelvin);
        return Math.exp(activationEnergyEv / BOLTZMANN_EV_PER_KELVIN * (1 / referenceKelvin - 1 / kelvin));
    }

    /** Decades of effective time past the reference time after {@code seconds} at {@code kelvin}: 0 until then. */
    public double decades(double seconds, double kelvin) {
        double effective = seconds * acceleration(kelvin);
        return effective > referenceSeconds ? Math.log10(effective / referenceSeconds) : 0;
    }
}
