package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * What writing weights costs: pulses, energy and the share of the devices' endurance used.
 *
 * <p>Conventions (docs/language.md, examples/lib/illustrative-hw.bnn): a 2T2R weight write is one SET pulse (the device
 * that becomes LRS) plus one RESET pulse (the one that becomes HRS), so each of the two devices
 * takes one cycle. A 1T1R weight write is one pulse to the target state, SET for +1 and RESET
 * for −1; as the costs are computed without the weight values, its energy is the mean of the
 * SET and RESET energies (they are equal in the illustrative presets). Check bits of an ECC word
 * are cells like any other: count 72 cells per 64 weights.
 *
 * @param pulses            programming pulses applied
 * @param energyJoules      their total energy, in joules
 * @param enduranceFraction write cycles taken by the most-written device ÷ the regime's endurance
 */
public record ProgrammingCost(long pulses, double energyJoules, double enduranceFraction) {

    /** Cost of writing {@code cells} 2T2R cells {@code writesPerCell} times each under {@code regime}. */
    public static ProgrammingCost twoTwoR(RegimeSpec regime, long cells, long writesPerCell) {
        long writes = weightWrites(regime, cells, writesPerCell);
        return new ProgrammingCost(Math.multiplyExact(2L, writes),
                writes * (regime.set().energyJoules() + regime.reset().energyJoules()),
                writesPerCell / regime.enduranceCycles());
    }

    /** Cost of writing {@code cells} 1T1R cells {@code writesPerCell} times each under {@code regime}. */
    public static ProgrammingCost oneTOneR(RegimeSpec regime, long cells, long writesPerCell) {
        long writes = weightWrites(regime, cells, writesPerCell);
        return new ProgrammingCost(writes,
                writes * 0.5 * (regime.set().energyJoules() + regime.reset().energyJoules()),
                writesPerCell / regime.enduranceCycles());
    }

    private static long weightWrites(RegimeSpec regime, long cells, long writesPerCell) {
        Checks.present("ProgrammingCost", "regime", regime);
        Checks.nonNegative("ProgrammingCost", "cells", cells);
        Checks.nonNegative("ProgrammingCost", "writesPerCell", writesPerCell);
        return Math.multiplyExact(cells, writesPerCell);
    }
}
